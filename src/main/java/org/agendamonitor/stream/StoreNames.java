package org.agendamonitor.stream;

/**
 * Names of the topology's state stores and processors. They become internal topic names
 * ({@code agenda-monitor-<store>-changelog}), so renaming one orphans its data: treat them as a schema.
 */
public final class StoreNames {
    /** article id -> first-seen epoch millis; drops exact duplicates. */
    public static final String ARTICLE_IDS = "article-ids-store";
    /** "recommendation|language" -> number of distinct matched articles. */
    public static final String MATCH_COUNTS = "match-counts-store";
    /** inverted-publish-time|article id -> matched article, newest first, capped. */
    public static final String RECENT_MATCHES = "recent-matches-store";

    private StoreNames() {
    }
}
