package org.agendamonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article with its matches ({@code agenda.articles.matched.v1} and {@code /api/articles}). The article's fields are
 * repeated flat rather than nested, so the topic and the API share one JSON shape.
 */
public record MatchedArticle(
        String id,
        String feedId,
        String source,
        String url,
        String title,
        String summary,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        List<Match> matches) {

    public MatchedArticle {
        Objects.requireNonNull(id, "id");
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static MatchedArticle of(Article a, List<Match> matches) {
        return new MatchedArticle(a.id(), a.feedId(), a.source(), a.url(), a.title(), a.summary(), a.language(),
                a.publishedAt(), a.fetchedAt(), matches);
    }

    public Article article() {
        return new Article(id, feedId, source, url, title, summary, language, publishedAt, fetchedAt);
    }

    public boolean matches(Recommendation recommendation) {
        return matches.stream().anyMatch(m -> m.recommendation() == recommendation);
    }
}
