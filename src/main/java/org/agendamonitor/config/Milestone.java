package org.agendamonitor.config;

import java.util.Objects;

/** A named event of a recommendation (e.g. {@code joint-review-concluded}) and the queries that report it. */
public record Milestone(String id, String label, LanguageQueries queries) {
    public Milestone {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        Objects.requireNonNull(queries, "queries");
    }
}
