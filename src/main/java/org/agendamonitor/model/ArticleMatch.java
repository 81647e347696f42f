package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One article's match with one recommendation: the value of the {@code matches-by-recommendation} repartition topic
 * (key = recommendation id), so that every match of a recommendation meets in one place for stories and progress.
 */
public record ArticleMatch(Article article, Match match) {

    public ArticleMatch {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(match, "match");
    }

    public Recommendation recommendation() {
        return match.recommendation();
    }

    /** Event time: when the outlet says it published, but never later than we fetched it (clocks lie, feeds too). */
    public Instant eventTime() {
        return article.publishedAt().isAfter(article.fetchedAt()) ? article.fetchedAt() : article.publishedAt();
    }
}
