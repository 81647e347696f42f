package org.agendamonitor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.agendamonitor.bench.ArticleGenerator;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.Test;

/**
 * The index answers exactly as comparing the article with every representative of every story would, the way the
 * story stage worked before it had an index, including for articles older than it covers.
 */
class StoryIndexTest {
    private final StoryClusterer clusterer = StoryClusterer.defaults();

    /** The reference: every story, every representative, the clusterer's rule written out plainly. */
    private static String bruteForce(Map<String, StoryCluster> stories, Map<String, int[]> signatures,
            Recommendation recommendation, int[] signature, Instant at) {
        String best = null;
        double bestSimilarity = 0;
        for (StoryCluster c : stories.values()) {
            if (c.story().recommendation() != recommendation
                    || at.isBefore(c.story().firstSeen().minus(StoryClusterer.DEFAULT_WINDOW))
                    || at.isAfter(c.story().lastSeen().plus(StoryClusterer.DEFAULT_WINDOW))) {
                continue;
            }
            double similarity = c.representatives().stream()
                    .mapToDouble(id -> MinHash.similarity(signatures.get(id), signature)).max().orElse(0);
            if (similarity >= StoryClusterer.DEFAULT_THRESHOLD && (similarity > bestSimilarity
                    || similarity == bestSimilarity && best != null && c.story().id().compareTo(best) < 0)) {
                best = c.story().id();
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    /** {@code empty} loaded with every story, oldest last article first: how the story stage rebuilds its index. */
    private static StoryIndex loaded(StoryIndex empty, Map<String, StoryCluster> stories,
            Map<String, int[]> signatures) {
        stories.values().stream().sorted(Comparator.comparing(c -> c.story().lastSeen())).forEach(c -> {
            empty.putStory(c.story().id(), c.story().recommendation(), c.story().firstSeen(), c.story().lastSeen());
            c.representatives().forEach(id -> empty.addMember(c.story().id(), id, signatures.get(id)));
        });
        return empty;
    }

    @Test
    void shouldChooseTheSameStoryAsComparingWithEveryStoryIncludingLateArticles() {
        ArticleGenerator generator = new ArticleGenerator(7, 1.0); // every item on the agenda: many near-duplicates
        SplittableRandom random = new SplittableRandom(11);
        Map<String, StoryCluster> stories = new HashMap<>();
        Map<String, int[]> signatures = new HashMap<>();
        StoryIndex index = clusterer.newIndex();
        Instant clock = Instant.parse("2026-03-01T00:00:00Z");
        int joined = 0;
        int beyondFirstHorizon = 0;
        int rebuilds = 0;
        for (int i = 0; i < 4_000; i++) {
            clock = clock.plusSeconds(random.nextInt(1_200)); // ~28 days in all, past any horizon below
            Instant at = random.nextInt(25) == 0 ? clock.minus(Duration.ofHours(50 + random.nextInt(200))) : clock;
            if (at.isBefore(clock.minus(StoryIndex.KEPT).plus(StoryClusterer.DEFAULT_WINDOW))) {
                beyondFirstHorizon++;
            }
            Recommendation r = Recommendation.values()[random.nextInt(3)];
            Article a = generator.article(i, at);
            Article article = new Article(a.id(), a.feedId(), a.source(), a.url(), a.title(), a.summary(),
                    a.language(), at, at);
            ArticleMatch m = new ArticleMatch(article, new Match(r, 2.0, List.of("t"), List.of("w"), List.of(),
                    Direction.NEUTRAL, null, ""));
            int[] signature = StoryClusterer.signatureOf(article);

            String expected = bruteForce(stories, signatures, r, signature, at);
            if (!index.covers(at)) {
                rebuilds++;
                index = loaded(index.reaching(at), stories, signatures);
                assertThat(index.covers(at)).as("the rebuilt index reaches article %d at %s", i, at).isTrue();
            }
            StoryIndex live = index;
            String actual = live.best(r, signature, at).orElse(null);
            assertThat(actual).as("article %d at %s", i, at).isEqualTo(expected);

            StoryCluster before = actual == null ? null : stories.get(actual);
            StoryCluster updated = before == null ? clusterer.start(m) : clusterer.join(before, m);
            joined += before == null ? 0 : 1;
            String id = updated.story().id();
            stories.put(id, updated);
            signatures.put(article.id(), signature);
            if (!live.contains(id) && before != null) {
                live.putStory(id, r, updated.story().firstSeen(), updated.story().lastSeen());
                updated.representatives().forEach(rep -> live.addMember(id, rep, signatures.get(rep)));
            }
            live.putStory(id, r, updated.story().firstSeen(), updated.story().lastSeen());
            live.addMember(id, article.id(), signature);
            if (before != null) {
                before.representatives().stream().filter(rep -> !updated.representatives().contains(rep))
                        .forEach(rep -> live.removeMember(id, rep));
            }
        }
        // the comparison covered joins, new stories and articles older than the first horizon reached; the index
        // widened once for them, not once per late article, and it still let go of the oldest stories
        assertThat(joined).isGreaterThan(1_000);
        assertThat(stories.size()).isGreaterThan(100);
        assertThat(beyondFirstHorizon).isGreaterThan(20);
        assertThat(rebuilds).isEqualTo(1);
        assertThat(index.horizon()).isEqualTo(StoryIndex.KEPT.multipliedBy(2));
        assertThat(index.size()).isLessThan(stories.size());
    }

    /**
     * Many joins to few big stories: representatives drop out all the time, so members are removed, the lists
     * compacted and slots used again, while stories cool down and are evicted. Every lookup still answers as the
     * brute force does. Signatures are made directly: copies of a few themes with some positions changed.
     */
    @Test
    void shouldStayExactThroughChurnOfRepresentatives() {
        SplittableRandom random = new SplittableRandom(29);
        int[][] themes = new int[12][MinHash.SIZE];
        for (int[] theme : themes) {
            for (int p = 0; p < MinHash.SIZE; p++) {
                theme[p] = random.nextInt(1_000);
            }
        }
        Map<String, StoryCluster> stories = new HashMap<>();
        Map<String, int[]> signatures = new HashMap<>();
        Map<String, List<String>> representatives = new HashMap<>();
        StoryIndex index = clusterer.newIndex();
        Instant clock = Instant.parse("2026-03-01T00:00:00Z");
        int joined = 0;
        for (int i = 0; i < 12_000; i++) {
            clock = clock.plusSeconds(random.nextInt(180));
            Instant at = random.nextInt(50) == 0 ? clock.minus(Duration.ofHours(random.nextInt(60))) : clock;
            Recommendation r = Recommendation.values()[random.nextInt(2)];
            int[] theme = themes[random.nextInt(themes.length)];
            int[] signature = new int[MinHash.SIZE];
            for (int p = 0; p < MinHash.SIZE; p++) {
                signature[p] = random.nextInt(10) < 6 ? theme[p] : 1_000 + random.nextInt(1_000_000);
            }
            String expected = bruteForce(stories, signatures, r, signature, at);
            if (!index.covers(at)) {
                index = loaded(index.reaching(at), stories, signatures);
            }
            String actual = index.best(r, signature, at).orElse(null);
            assertThat(actual).as("article %d at %s", i, at).isEqualTo(expected);

            String article = "a" + i;
            signatures.put(article, signature);
            String id = actual != null ? actual : r.id() + "-" + i;
            StoryCluster before = stories.get(id);
            Instant first = before == null || at.isBefore(before.story().firstSeen()) ? at : before.story().firstSeen();
            Instant last = before == null || at.isAfter(before.story().lastSeen()) ? at : before.story().lastSeen();
            List<String> reps = new ArrayList<>(representatives.getOrDefault(id, List.of()));
            reps.add(article);
            String dropped = reps.size() > StoryClusterer.MAX_SIGNATURES ? reps.remove(1) : null;
            representatives.put(id, reps);
            stories.put(id, new StoryCluster(new org.agendamonitor.model.Story(id, r, "", first, last, List.of(),
                    List.of(), List.of()), reps));
            if (!index.contains(id) && before != null) {
                index.putStory(id, r, first, last);
                for (String rep : reps) {
                    if (!rep.equals(article)) {
                        index.addMember(id, rep, signatures.get(rep));
                    }
                }
            }
            index.putStory(id, r, first, last);
            index.addMember(id, article, signature);
            if (dropped != null) {
                index.removeMember(id, dropped);
            }
            joined += before == null ? 0 : 1;
            if (i % 250 == 0) {
                index.checkPostings();
            }
        }
        index.checkPostings();
        assertThat(joined).as("joins").isGreaterThan(10_000);
        assertThat(stories.values().stream().filter(c -> c.representatives().size()
                == StoryClusterer.MAX_SIGNATURES).count()).as("stories full of representatives").isGreaterThan(10);
    }

    @Test
    void shouldForgetARemovedStoryAndARemovedRepresentative() {
        StoryIndex index = clusterer.newIndex();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        int[] signature = MinHash.signature(List.of("usmca", "review", "usmca review", "extension"));
        index.putStory("usmca-1", Recommendation.USMCA, t, t);
        index.addMember("usmca-1", "a1", signature);
        assertThat(index.best(Recommendation.USMCA, signature, t)).contains("usmca-1");
        assertThat(index.best(Recommendation.MERIDA, signature, t)).isEmpty();
        assertThat(index.best(Recommendation.USMCA, signature, t.plus(Duration.ofHours(49)))).isEmpty();

        index.removeMember("usmca-1", "a1");
        assertThat(index.best(Recommendation.USMCA, signature, t)).isEmpty();
        index.addMember("usmca-1", "a2", signature);
        index.removeStory("usmca-1");
        assertThat(index.best(Recommendation.USMCA, signature, t)).isEmpty();
        assertThat(index.size()).isZero();
    }

    /** Partitions replayed at different speeds deliver articles days apart: they must stay on the fast path. */
    @Test
    void shouldCoverArticlesUpToTheKeptHorizonBehindTheNewestAndNoOlder() {
        StoryIndex index = clusterer.newIndex();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        int[] signature = MinHash.signature(List.of("usmca", "review"));
        for (int day = 0; day <= 20; day++) {
            Instant at = t0.plus(Duration.ofDays(day));
            index.putStory("usmca-" + day, Recommendation.USMCA, at, at);
            index.addMember("usmca-" + day, "a" + day, signature);
        }
        Instant newest = t0.plus(Duration.ofDays(20));
        assertThat(index.size()).as("stories older than the horizon are evicted").isLessThan(21);
        assertThat(index.covers(newest.minus(Duration.ofDays(4)))).isTrue();
        assertThat(index.covers(newest.minus(StoryIndex.KEPT).plus(StoryClusterer.DEFAULT_WINDOW).plusSeconds(1)))
                .isTrue();
        assertThat(index.covers(newest.minus(StoryIndex.KEPT))).isFalse();
        // what it covers, it answers: the story of four days ago is still there for an article of that day
        assertThat(index.best(Recommendation.USMCA, signature, newest.minus(Duration.ofDays(4)))).isPresent();
    }

    /**
     * Stories more than a window (and the margin) behind the newest article stay answerable for late articles, but
     * an article of now does not walk their postings: that is what a lookup saves.
     */
    @Test
    void shouldLeaveStoriesOutsideTheWindowOutOfTheLookupsOfCurrentArticles() {
        StoryIndex index = clusterer.newIndex();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        int[] signature = MinHash.signature(List.of("usmca", "review", "usmca review"));
        for (int hour = 0; hour <= 96; hour += 4) { // four days, one story every four hours, all alike
            Instant at = t0.plus(Duration.ofHours(hour));
            index.putStory("usmca-" + hour, Recommendation.USMCA, at, at);
            index.addMember("usmca-" + hour, "a" + hour, signature);
        }
        Instant newest = t0.plus(Duration.ofHours(96));
        Instant hotSince = newest.minus(StoryClusterer.DEFAULT_WINDOW).minus(StoryIndex.COLD_MARGIN);
        long cold = IntStream.rangeClosed(0, 24).filter(h -> t0.plus(Duration.ofHours(4L * h)).isBefore(hotSince))
                .count();
        assertThat(cold).isBetween(5L, 20L);

        long now = walkedBy(index, signature, newest, "usmca-48"); // ties go to the smallest id in the window
        Instant late = t0.plus(Duration.ofHours(2));
        long lateWalked = walkedBy(index, signature, late, "usmca-0");
        assertThat(lateWalked - now).as("only a late article walks the cold stories").isEqualTo(cold * MinHash.SIZE);

        // a late article that joins a cold story brings it back: articles of now see it again
        index.putStory("usmca-0", Recommendation.USMCA, t0, newest);
        assertThat(walkedBy(index, signature, newest, "usmca-0") - now).isEqualTo(MinHash.SIZE);
    }

    /** Posting entries walked by one lookup, which must answer {@code expected}. */
    private static long walkedBy(StoryIndex index, int[] signature, Instant at, String expected) {
        long before = index.entriesWalked();
        assertThat(index.best(Recommendation.USMCA, signature, at)).as("story for an article at %s", at)
                .contains(expected);
        return index.entriesWalked() - before;
    }
}
