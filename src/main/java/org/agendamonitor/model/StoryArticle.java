package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/** One article of a {@link Story}: enough to list it and link it, without its text. */
public record StoryArticle(
        String id,
        String feedId,
        String source,
        String url,
        String title,
        String language,
        Instant publishedAt,
        Direction direction,
        String milestone) {

    public StoryArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publishedAt, "publishedAt");
        direction = direction == null ? Direction.NEUTRAL : direction;
    }
}
