package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.agendamonitor.ingest.ArticleIds;
import org.agendamonitor.model.Article;

/**
 * Realistic English and Spanish news items for the benchmark, made from {@link Vocabulary} word lists. Item {@code i}
 * depends only on the seed and {@code i} (its own random stream), so any item can be made again alone, in any order,
 * and every run of the benchmark sees the same corpus. Summaries are 0.85–1.6 KB, so an item is 1–2 KB as JSON;
 * about {@code agendaShare} of the items carry one or two agenda sentences (sometimes an agenda headline).
 */
public final class ArticleGenerator {
    public static final long DEFAULT_SEED = 20_190_601L;
    public static final double DEFAULT_AGENDA_SHARE = 0.15;
    private static final Instant EPOCH = Instant.parse("2026-01-05T06:00:00Z");

    private final long seed;
    private final double agendaShare;

    public ArticleGenerator(long seed, double agendaShare) {
        if (agendaShare < 0 || agendaShare > 1) {
            throw new IllegalArgumentException("agenda share must be within [0, 1], got " + agendaShare);
        }
        this.seed = seed;
        this.agendaShare = agendaShare;
    }

    public static ArticleGenerator withDefaults() {
        return new ArticleGenerator(DEFAULT_SEED, DEFAULT_AGENDA_SHARE);
    }

    /** Item {@code i}, fetched at {@code fetchedAt}. */
    public Article article(long i, Instant fetchedAt) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        Vocabulary v = random.nextInt(100) < 55 ? Vocabulary.ENGLISH : Vocabulary.SPANISH;
        boolean onAgenda = random.nextDouble() < agendaShare;
        int outlet = random.nextInt(v.outlets().size());
        String feedId = "bench-" + v.language() + "-" + outlet;
        String url = "https://" + feedId + ".example/news/" + i;
        String title = onAgenda && random.nextInt(3) == 0 ? pick(random, v.agendaHeadlines()) : headline(random, v);
        String summary = summary(random, v, onAgenda);
        Instant published = EPOCH.plus(Duration.ofSeconds(i * 7 + random.nextInt(3600)));
        return new Article(ArticleIds.articleId(ArticleIds.canonicalUrl(url), feedId, null), feedId,
                v.outlets().get(outlet), url, title, summary, v.language(), published, fetchedAt);
    }

    /** Whether item {@code i} was written on the agenda (the generator's intent, not the matcher's verdict). */
    public boolean onAgenda(long i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        random.nextInt(100);
        return random.nextDouble() < agendaShare;
    }

    private static String headline(SplittableRandom random, Vocabulary v) {
        String subject = pick(random, v.subjects());
        String noun = pick(random, v.headlineNouns());
        return subject + " " + pick(random, v.verbs()) + " " + noun + " " + pick(random, v.places()) + " "
                + v.near() + " " + name(random);
    }

    private static String summary(SplittableRandom random, Vocabulary v, boolean onAgenda) {
        int target = 850 + random.nextInt(650);
        StringBuilder text = new StringBuilder(target + 200);
        int agendaSentences = onAgenda ? 1 + random.nextInt(2) : 0;
        int agendaAt = random.nextInt(4);
        for (int sentence = 0; text.length() < target; sentence++) {
            if (agendaSentences > 0 && sentence >= agendaAt) {
                text.append(pick(random, v.agendaSentences()));
                agendaSentences--;
                agendaAt = sentence + 2 + random.nextInt(4);
            } else {
                text.append(pick(random, v.subjects())).append(' ').append(pick(random, v.verbs())).append(' ')
                        .append(pick(random, v.objects())).append(' ').append(pick(random, v.places())).append(' ')
                        .append(v.near()).append(' ').append(name(random)).append(' ')
                        .append(pick(random, v.tails())).append(", ").append(v.said()).append(' ')
                        .append(name(random)).append(' ').append(name(random)).append('.');
            }
            text.append(' ');
        }
        return text.toString().strip();
    }

    /**
     * A made-up proper name ("Stavelon", "Krubimar"): people and places are what make two real reports differ. With
     * only the few hundred everyday words of {@link Vocabulary}, unrelated items looked like near-duplicates (1.4% of
     * random pairs reached the story threshold, against 0.05% among the real news of the dev set).
     */
    static String name(SplittableRandom random) {
        String name = pick(random, ONSETS) + pick(random, VOWELS) + pick(random, MIDDLES) + pick(random, VOWELS)
                + pick(random, ENDINGS);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static final List<String> ONSETS = List.of("br", "dr", "gl", "kr", "pl", "tr", "st", "sk", "fl", "gr",
            "bl", "pr", "sl", "sn", "kl", "v", "z", "b", "d", "k");
    private static final List<String> VOWELS = List.of("a", "e", "i", "o", "u", "ai", "ou", "ei");
    private static final List<String> MIDDLES = List.of("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
            "z", "nd", "lt", "rv", "mb", "sk");
    private static final List<String> ENDINGS = List.of("n", "r", "l", "x", "k", "lon", "mar", "tek", "vin", "dor",
            "zan", "bel");

    private static String pick(SplittableRandom random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
