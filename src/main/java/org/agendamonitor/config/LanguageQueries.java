package org.agendamonitor.config;

import java.util.List;

/** Lucene classic-syntax queries for English and for Spanish articles. */
public record LanguageQueries(List<String> en, List<String> es) {
    public static final LanguageQueries NONE = new LanguageQueries(List.of(), List.of());

    /** The languages the agenda is written in, in the order queries are compiled. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    public LanguageQueries {
        en = en == null ? List.of() : List.copyOf(en);
        es = es == null ? List.of() : List.copyOf(es);
    }

    /** The queries for {@code en} or {@code es}. */
    public List<String> forLanguage(String language) {
        return switch (language) {
            case "en" -> en;
            case "es" -> es;
            default -> throw new IllegalArgumentException("agenda language must be en or es, got " + language);
        };
    }

    public boolean isEmpty() {
        return en.isEmpty() && es.isEmpty();
    }
}
