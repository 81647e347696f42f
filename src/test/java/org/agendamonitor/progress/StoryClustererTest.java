package org.agendamonitor.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.agendamonitor.BreakingNewsFixtures;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.model.StoryArticle;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    private final StoryClusterer clusterer = StoryClusterer.defaults();

    private static ArticleMatch usmca(Article a) {
        return new ArticleMatch(a, new Match(Recommendation.USMCA, 3.0, List.of("agreement"), List.of("USMCA"),
                List.of(), Direction.NEUTRAL, null, ""));
    }

    /** Runs the articles through the clusterer and an index as the processor does; stories in order of creation. */
    private List<StoryCluster> cluster(List<Article> articles) {
        List<StoryCluster> stories = new ArrayList<>();
        StoryIndex index = clusterer.newIndex();
        for (Article a : articles) {
            ArticleMatch m = usmca(a);
            int[] signature = StoryClusterer.signatureOf(a);
            Optional<String> best = index.best(m.recommendation(), signature, m.eventTime());
            StoryCluster updated;
            if (best.isPresent()) {
                StoryCluster before = stories.stream().filter(c -> c.story().id().equals(best.get())).findFirst()
                        .orElseThrow();
                updated = clusterer.join(before, m);
                stories.set(stories.indexOf(before), updated);
            } else {
                updated = clusterer.start(m);
                stories.add(updated);
            }
            index.putStory(updated.story().id(), updated.story().recommendation(), updated.story().firstSeen(),
                    updated.story().lastSeen());
            index.addMember(updated.story().id(), a.id(), signature);
        }
        return stories;
    }

    @Test
    void shouldGroupTheSameStoryFromFourOutletsIntoOne() {
        List<StoryCluster> stories = cluster(BreakingNewsFixtures.usmcaStory());
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).story().outlets()).containsExactly("Wire A", "Wire B", "Paper C", "Paper D");
        assertThat(stories.get(0).story().size()).isEqualTo(4);
        assertThat(stories.get(0).story().firstSeen()).isEqualTo(BreakingNewsFixtures.T0);
        assertThat(stories.get(0).story().lastSeen()).isEqualTo(BreakingNewsFixtures.T0.plusSeconds(40 * 60));
    }

    @Test
    void shouldKeepADifferentEventInItsOwnStory() {
        List<Article> articles = new ArrayList<>(BreakingNewsFixtures.usmcaStory());
        articles.add(1, BreakingNewsFixtures.otherUsmcaArticle());
        List<StoryCluster> stories = cluster(articles);
        assertThat(stories).hasSize(2);
        assertThat(stories.get(1).story().articles()).extracting(a -> a.id()).containsExactly("usmca-steel");
    }

    @Test
    void shouldNotJoinAStoryOutsideTheWindowEvenWhenTheTextIsTheSame() {
        Article first = BreakingNewsFixtures.usmcaStory().get(0);
        Article weekLater = BreakingNewsFixtures.article("again", "wire-b", "Wire B", first.title(), first.summary(),
                "en", first.publishedAt().plus(Duration.ofDays(7)));
        assertThat(cluster(List.of(first, weekLater))).hasSize(2);
    }

    @Test
    void shouldGiveTheSameStoryIdOnEveryRun() {
        String first = cluster(BreakingNewsFixtures.usmcaStory()).get(0).story().id();
        assertThat(cluster(BreakingNewsFixtures.usmcaStory()).get(0).story().id()).isEqualTo(first)
                .isEqualTo(StoryClusterer.storyId(Recommendation.USMCA, "usmca-wire-1")).matches("usmca-[0-9a-f]{12}");
    }

    @Test
    void shouldIgnoreAnArticleAlreadyInTheStory() {
        StoryCluster one = cluster(BreakingNewsFixtures.usmcaStory()).get(0);
        Article again = BreakingNewsFixtures.usmcaStory().get(2);
        assertThat(clusterer.join(one, usmca(again))).isEqualTo(one);
    }

    @Test
    void shouldNeverJoinArticlesWithoutContentWords() {
        Article empty = BreakingNewsFixtures.article("e1", "wire-a", "Wire A", "The", "", "en",
                BreakingNewsFixtures.T0);
        Article alsoEmpty = BreakingNewsFixtures.article("e2", "wire-b", "Wire B", "", "", "en",
                BreakingNewsFixtures.T0);
        assertThat(StoryClusterer.signatureOf(empty)).isEmpty();
        assertThat(StoryClusterer.signatureOf(alsoEmpty)).isEmpty();
        assertThat(cluster(List.of(empty, alsoEmpty))).hasSize(2);
    }

    @Test
    void shouldFoldAccentsAndDropStopWordsInBothLanguages() {
        assertThat(StoryText.contentWords("La revisión del T-MEC en México")).containsExactly("revision", "mec",
                "mexico");
        assertThat(StoryText.shingles("Tariffs on steel", "")).containsExactly("tariff", "steel", "tariff steel");
    }

    @Test
    void shouldEstimateJaccardSimilarity() {
        int[] a = MinHash.signature(List.of("a", "b", "c", "d"));
        assertThat(MinHash.similarity(a, a)).isEqualTo(1.0);
        assertThat(MinHash.similarity(a, MinHash.signature(List.of("w", "x", "y", "z")))).isLessThan(0.15);
        assertThat(MinHash.similarity(a, new int[0])).isZero();
        assertThat(a).hasSize(MinHash.SIZE);
        assertThat(MinHash.fromBytes(MinHash.toBytes(a))).isEqualTo(a);
    }

    @Test
    void shouldKeepTheFirstAndLatestRepresentativesAndArticlesOfABigStory() {
        Article first = BreakingNewsFixtures.usmcaStory().get(0);
        StoryCluster c = clusterer.start(usmca(first));
        for (Article copy : BreakingNewsFixtures.copiesOf(first, 40)) {
            c = clusterer.join(c, usmca(copy));
        }
        assertThat(c.story().size()).isEqualTo(41);
        assertThat(c.story().outlets()).hasSize(41);
        assertThat(c.representatives()).hasSize(StoryClusterer.MAX_SIGNATURES).startsWith(first.id())
                .endsWith("copy-39").doesNotContain("copy-15");
        assertThat(c.story().articles()).hasSize(Story.LISTED).extracting(StoryArticle::id).startsWith(first.id())
                .endsWith("copy-39").doesNotContain("copy-20");
    }

    /** A join past the representatives' cap drops the oldest after the first, and only that one, from the index. */
    @Test
    void shouldTellWhichRepresentativeAJoinDropped() {
        Article first = BreakingNewsFixtures.usmcaStory().get(0);
        StoryCluster c = clusterer.start(usmca(first));
        for (Article copy : BreakingNewsFixtures.copiesOf(first, StoryClusterer.MAX_SIGNATURES - 1)) {
            c = clusterer.join(c, usmca(copy));
        }
        StoryCluster full = c;
        StoryCluster joined = clusterer.join(full, usmca(BreakingNewsFixtures.article("late", "feed-late", "Late",
                first.title(), first.summary(), "en", first.publishedAt().plusSeconds(60))));

        assertThat(full.droppedSince(full)).isEmpty();
        assertThat(joined.droppedSince(full)).containsExactly("copy-0");
    }

    /** Signatures are stored: the loops that replaced regular expressions and byte arrays must give the same words. */
    @Test
    void shouldFindTheSameWordsAsTheRegularExpressionsTheyReplaced() {
        for (String text : List.of("Iniciativa Me\u0301rida 🇲🇽 İstanbul ΟΔΟΣ ǅemal Straße 北京 x\u0301y 12\u0660 a\uD800b",
                "La revisión del T-MEC en México: aranceles, 25% y U.S.-Canada", "   ", "Año 2026, ¿qué pasará?")) {
            assertThat(StoryText.contentWords(text)).as(text).isEqualTo(foldedWhole(text));
        }
    }

    /**
     * Folding a text a chunk at a time, and stopping after the lede, gives the first words of folding it whole (the
     * way it was done before): random texts of the characters where decomposition, marks and case depend on context.
     */
    @Test
    void shouldFindTheSameFirstWordsAsFoldingTheWholeText() {
        String[] pieces = {" ", "  ", "\t", "\n", "a", "B", "mexico", "MÉXICO", "e\u0301", "\u0301", "\u0345", "Σ", "σ",
                "ΟΔΟΣ", "İ", "ǅ", "ß", "ñ", "N\u0303", "12", "\u0660", "'", ".", ":", "-", "🇲🇽", "北京", "\uD800",
                "the", "de", "aranceles", "USMCA", "T-MEC", "\u00A0", "\u2003"};
        SplittableRandom random = new SplittableRandom(1202);
        ArticleGenerator generator = ArticleGenerator.withDefaults();
        for (int t = 0; t < 20_000; t++) {
            String text;
            if (t % 4 == 0) {
                text = generator.article(t, BreakingNewsFixtures.T0).summary();
            } else {
                StringBuilder b = new StringBuilder();
                for (int p = random.nextInt(120); p > 0; p--) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                }
                text = b.toString();
            }
            List<String> whole = foldedWhole(text);
            int limit = 1 + random.nextInt(60);
            assertThat(StoryText.contentWords(text, limit)).as(text)
                    .isEqualTo(whole.subList(0, Math.min(limit, whole.size())));
            assertThat(StoryText.contentWords(text)).as(text).isEqualTo(whole);
        }
    }

    /** The signature from the words is the signature of their shingles (signatures are stored). */
    @Test
    void shouldSignWordsAsTheirShingles() {
        ArticleGenerator generator = new ArticleGenerator(5, 0.5);
        for (int i = 0; i < 5_000; i++) {
            Article a = generator.article(i, BreakingNewsFixtures.T0);
            String title = i % 7 == 0 ? "" : a.title();
            String summary = i % 5 == 0 ? "México 🇲🇽 méxico MÉXICO the the, T-MEC T-MEC" : a.summary();
            assertThat(MinHash.ofWordsAndPairs(StoryText.words(title, summary))).as(title)
                    .isEqualTo(MinHash.signature(StoryText.shingles(title, summary)));
        }
        assertThat(MinHash.ofWordsAndPairs(List.of())).isEmpty();
    }

    /**
     * Content words the way the regular expressions found them, before the loops and the lede limit: the whole text
     * folded at once, then split into words.
     */
    private static List<String> foldedWhole(String text) {
        List<String> words = new ArrayList<>();
        if (text.isBlank()) {
            return words;
        }
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        for (String token : folded.split("[^\\p{L}\\p{Nd}]+")) {
            if (token.length() >= 2 && !StoryText.contentWords(token).isEmpty()) { // not a stop word
                words.add(token.length() > 3 && token.endsWith("s") ? token.substring(0, token.length() - 1) : token);
            }
        }
        return words;
    }

    /** The FNV-1a of a shingle over its UTF-8 bytes, as signatures were first computed (they are stored). */
    @Test
    void shouldHashShinglesAsTheirUtf8Bytes() {
        List<String> shingles = List.of("mexico", "méxico", "北京", "🇲🇽", "t mec", "a\uD800b");
        int[] expected = new int[MinHash.SIZE];
        java.util.Arrays.fill(expected, Integer.MAX_VALUE);
        for (String shingle : shingles) {
            long base = 0xcbf29ce484222325L;
            for (byte b : shingle.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                base = (base ^ (b & 0xff)) * 0x100000001b3L;
            }
            for (int i = 0; i < MinHash.SIZE; i++) {
                long z = base + 0x9E3779B97F4A7C15L * (i + 1);
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                int h = (int) ((z ^ (z >>> 31)) >>> 33);
                expected[i] = Math.min(expected[i], h);
            }
        }
        assertThat(MinHash.signature(shingles)).isEqualTo(expected);
    }

    @Test
    void shouldRejectABadConfiguration() {
        assertThatThrownBy(() -> new StoryClusterer(Duration.ZERO, 0.3)).hasMessageContaining("window=PT0S");
        assertThatThrownBy(() -> new StoryClusterer(Duration.ofHours(1), 1.5)).hasMessageContaining("threshold=1.5");
    }
}
