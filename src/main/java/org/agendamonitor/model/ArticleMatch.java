package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One article's match with one recommendation: the value of the {@code matches-by-recommendation} repartition topic
 * (key = recommendation id), so that every match of a recommendation meets in one place for stories and progress.
 *
 * @param article   the article; on the repartition topic without its summary, which nothing after it reads
 * @param match     the match
 * @param signature the article's story signature (MinHash of title and lede), made once per article before its
 *                  matches part ways; null when not made yet (then the story stage makes it from the article)
 */
public record ArticleMatch(Article article, Match match, int[] signature) {

    public ArticleMatch {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(match, "match");
    }

    public ArticleMatch(Article article, Match match) {
        this(article, match, null);
    }

    public Recommendation recommendation() {
        return match.recommendation();
    }

    /** Event time: when the outlet says it published, but never later than we fetched it (clocks lie, feeds too). */
    public Instant eventTime() {
        return article.publishedAt().isAfter(article.fetchedAt()) ? article.fetchedAt() : article.publishedAt();
    }
}
