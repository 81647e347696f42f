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
    /** story id -> story (bounded) and its representatives (open stories and those of the last weeks). */
    public static final String STORY_CLUSTERS = "story-clusters-store";
    /** "story id|article id" -> MinHash signature of a representative article (64 ints, big-endian). */
    public static final String STORY_SIGNATURES = "story-signatures-store";
    /** "article id|recommendation" -> story id; also what keeps a replayed match from counting twice. */
    public static final String ARTICLE_STORIES = "article-stories-store";
    /** recommendation id -> progress state (buckets, totals, milestones, cooldown). */
    public static final String PROGRESS = "progress-store";
    /** story id -> alert id, for every story that ever raised an alert. */
    public static final String ALERT_IDS = "alert-ids-store";
    /** alert id -> alert, its outlet list kept current; what /api/alerts lists. */
    public static final String ALERTS = "alerts-store";
    /** The repartition topic that brings every match of one recommendation to one task. */
    public static final String MATCHES_BY_RECOMMENDATION = "matches-by-recommendation";

    private StoreNames() {
    }
}
