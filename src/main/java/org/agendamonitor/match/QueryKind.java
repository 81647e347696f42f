package org.agendamonitor.match;

/** What a query of the agenda is for, which decides how its firing counts (see package documentation). */
public enum QueryKind {
    /** Adds its topic's weight to the score. */
    TOPIC,
    /** Vetoes the recommendation. */
    EXCLUSION,
    /** Says the article reports progress. */
    ADVANCE,
    /** Says the article reports a setback. */
    SETBACK,
    /** Says the article reports a milestone. */
    MILESTONE
}
