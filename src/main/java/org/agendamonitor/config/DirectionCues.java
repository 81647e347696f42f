package org.agendamonitor.config;

/** Queries whose firing says a matched article reports progress ({@code advance}) or a {@code setback}. */
public record DirectionCues(LanguageQueries advance, LanguageQueries setback) {
    public static final DirectionCues NONE = new DirectionCues(LanguageQueries.NONE, LanguageQueries.NONE);

    public DirectionCues {
        advance = advance == null ? LanguageQueries.NONE : advance;
        setback = setback == null ? LanguageQueries.NONE : setback;
    }
}
