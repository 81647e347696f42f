package org.agendamonitor.kafka;

import java.util.List;
import java.util.Map;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the contract (DESIGN.md), created by {@link TopicAdmin} at start-up, never auto-created. */
public final class Topics {
    /** Articles as fetched, key = article id, value = {@link Article} JSON. Read as bytes by the topology. */
    public static final TopicSpec<String, Article> ARTICLES_RAW = new TopicSpec<>("agenda.articles.raw.v1",
            Serdes.String(), JsonSerde.of(Article.class), Map.of(TopicConfig.RETENTION_MS_CONFIG, days(30)));

    /** Deduplicated articles with their matches, key = article id. */
    public static final TopicSpec<String, MatchedArticle> ARTICLES_MATCHED = new TopicSpec<>(
            "agenda.articles.matched.v1", Serdes.String(), JsonSerde.of(MatchedArticle.class),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, days(365)));

    /** Latest {@link ProgressSnapshot} per recommendation (JSON, snake_case), key = recommendation id; compacted. */
    public static final TopicSpec<String, ProgressSnapshot> PROGRESS = new TopicSpec<>("agenda.progress.v1",
            Serdes.String(), JsonSerde.of(ProgressSnapshot.class),
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /** Breaking-story {@link Alert}s (JSON), key = story id. The source of truth for alert delivery. */
    public static final TopicSpec<String, Alert> ALERTS = new TopicSpec<>("agenda.alerts.v1",
            Serdes.String(), JsonSerde.of(Alert.class), Map.of(TopicConfig.RETENTION_MS_CONFIG, days(365)));

    /** Records the topology could not read or process: original key and bytes, error in headers. */
    public static final TopicSpec<byte[], byte[]> DEAD_LETTER = new TopicSpec<>("agenda.deadletter.v1",
            Serdes.ByteArray(), Serdes.ByteArray(), Map.of(TopicConfig.RETENTION_MS_CONFIG, days(30)));

    /**
     * Never written: its {@value FeedOwnership#PARTITIONS} partitions are what the instances of one application id
     * split between them to share the feed list ({@link FeedOwnership}). Not in {@link #ALL}: created with its own
     * partition count, and only when the app runs against an external cluster.
     */
    public static final TopicSpec<byte[], byte[]> FEED_OWNERSHIP = new TopicSpec<>("agenda.feeds.ownership.v1",
            Serdes.ByteArray(), Serdes.ByteArray(), Map.of(TopicConfig.RETENTION_MS_CONFIG, days(1)));

    public static final List<TopicSpec<?, ?>> ALL = List.of(ARTICLES_RAW, ARTICLES_MATCHED, PROGRESS, ALERTS,
            DEAD_LETTER);

    private Topics() {
    }

    private static String days(int days) {
        return String.valueOf(days * 24L * 3600 * 1000);
    }
}
