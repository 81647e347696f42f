package org.agendamonitor.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.model.StoryArticle;

/**
 * Groups near-duplicate articles of one recommendation into stories. An article joins the open story with the
 * highest estimated Jaccard similarity of shingles (title + lede, see {@link StoryText}) to any of its
 * representatives, when that similarity reaches {@code threshold} and the article's event time lies within
 * {@code window} of the story's first or last article; else it starts a new story. Finding that story is the job of
 * a {@link StoryIndex}; this class makes signatures and stories. Deterministic: the same articles in the same order
 * give the same stories and ids, which is what makes replays harmless.
 */
public final class StoryClusterer {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(48);
    public static final double DEFAULT_THRESHOLD = 0.25;
    /** Representatives kept per story: the first article and the latest ones. */
    public static final int MAX_SIGNATURES = 24;

    private final Duration window;
    private final double threshold;

    public StoryClusterer(Duration window, double threshold) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("bad story clustering: window=" + window + " threshold=" + threshold);
        }
        this.threshold = threshold;
    }

    public static StoryClusterer defaults() {
        return new StoryClusterer(DEFAULT_WINDOW, DEFAULT_THRESHOLD);
    }

    /** An empty index of open stories with this clusterer's window and threshold. */
    public StoryIndex newIndex() {
        return new StoryIndex(window, threshold);
    }

    /** The MinHash signature of the article's title and lede, which stories compare (see {@link StoryText}). */
    public static int[] signatureOf(Article article) {
        return MinHash.ofWordsAndPairs(StoryText.words(article.title(), article.summary()));
    }

    /** The signature {@code m} carries, else the one its article gives. */
    public int[] signature(ArticleMatch m) {
        return m.signature() != null ? m.signature() : signatureOf(m.article());
    }

    /** A new story whose first article is {@code m}. */
    public StoryCluster start(ArticleMatch m) {
        Story story = new Story(storyId(m.recommendation(), m.article().id()), m.recommendation(),
                m.article().title(), m.eventTime(), m.eventTime(), List.of(storyArticle(m)),
                List.of(m.article().source()), m.match().terms());
        return new StoryCluster(story, List.of(m.article().id()));
    }

    /**
     * The story with {@code m} added, unchanged when the article is already listed. The article becomes the newest
     * representative; past {@link #MAX_SIGNATURES} the oldest one after the first drops out, and past
     * {@link Story#LISTED} the oldest listed article after the first.
     */
    public StoryCluster join(StoryCluster c, ArticleMatch m) {
        Story s = c.story();
        if (s.contains(m.article().id())) {
            return c;
        }
        List<StoryArticle> articles = new ArrayList<>(s.articles());
        articles.add(storyArticle(m));
        if (articles.size() > Story.LISTED) {
            articles.remove(1);
        }
        LinkedHashSet<String> outlets = new LinkedHashSet<>(s.outlets());
        outlets.add(m.article().source());
        LinkedHashSet<String> terms = new LinkedHashSet<>(s.terms());
        terms.addAll(m.match().terms());
        Instant first = m.eventTime().isBefore(s.firstSeen()) ? m.eventTime() : s.firstSeen();
        Instant last = m.eventTime().isAfter(s.lastSeen()) ? m.eventTime() : s.lastSeen();
        List<String> representatives = new ArrayList<>(c.representatives());
        representatives.add(m.article().id());
        if (representatives.size() > MAX_SIGNATURES) {
            representatives.remove(1);
        }
        return new StoryCluster(new Story(s.id(), s.recommendation(), s.headline(), first, last, articles,
                List.copyOf(outlets), List.copyOf(terms), s.size() + 1), representatives);
    }

    /** {@code <recommendation>-<12 hex chars of SHA-256(recommendation|first article id)>}. */
    public static String storyId(Recommendation recommendation, String firstArticleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((recommendation.id() + "|" + firstArticleId).getBytes(StandardCharsets.UTF_8));
            return recommendation.id() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static StoryArticle storyArticle(ArticleMatch m) {
        Article a = m.article();
        return new StoryArticle(a.id(), a.feedId(), a.source(), a.url(), a.title(), a.language(), m.eventTime(),
                m.match().direction(), m.match().milestone());
    }
}
