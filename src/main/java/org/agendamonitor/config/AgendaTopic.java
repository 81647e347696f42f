package org.agendamonitor.config;

import java.util.Objects;

/**
 * One topic of a recommendation (named so as not to clash with {@code kafka.TopicSpec}).
 *
 * @param id      kebab-case, unique within its recommendation
 * @param label   for people
 * @param weight  added to the recommendation's score when any of the topic's queries fires
 * @param queries Lucene classic queries per language; each language has at least one
 */
public record AgendaTopic(String id, String label, double weight, LanguageQueries queries) {
    public AgendaTopic {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        Objects.requireNonNull(queries, "queries");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("topic " + id + ": weight must be > 0, got " + weight);
        }
    }
}
