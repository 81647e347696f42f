package org.agendamonitor.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agendamonitor.model.Alert;
import java.util.function.Consumer;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.ProgressCalculator;
import org.agendamonitor.progress.ProgressState;
import org.agendamonitor.progress.StoryCluster;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link AgendaReadModel} over this instance's Kafka Streams state stores. Recent articles are read partition by
 * partition and merged, because a store spanning partitions iterates one partition after another, not in key order.
 */
public final class InteractiveQueries implements AgendaReadModel, LocalReadModel {
    private final KafkaStreams streams;
    private final int partitions;
    private final ProgressCalculator calculator;
    private final Clock clock;

    public InteractiveQueries(KafkaStreams streams, int partitions) {
        this(streams, partitions, ProgressCalculator.withoutMilestones(), Clock.systemUTC());
    }

    /** @param calculator turns stored progress state into snapshots as of {@code clock} (milestone labels included) */
    public InteractiveQueries(KafkaStreams streams, int partitions, ProgressCalculator calculator, Clock clock) {
        this.streams = streams;
        this.partitions = partitions;
        this.calculator = calculator;
        this.clock = clock;
    }

    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public String state() {
        return streams.state().name();
    }

    @Override
    public Map<String, Long> matchCounts() {
        Map<String, Long> counts = new HashMap<>();
        ReadOnlyKeyValueStore<String, Long> store = store(StoreNames.MATCH_COUNTS, null);
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> counts.merge(kv.key, kv.value, Long::sum));
        }
        return counts;
    }

    /** Only active tasks are asked (no stale standbys), so a partition is never counted by two instances. */
    @Override
    public Map<Integer, Map<String, Long>> matchCountsByPartition() {
        Map<Integer, Map<String, Long>> byPartition = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            Map<String, Long> counts = new HashMap<>();
            if (this.<Long>readPartition(StoreNames.MATCH_COUNTS, p,
                    it -> it.forEachRemaining(kv -> counts.put(kv.key, kv.value)))) {
                byPartition.put(p, counts);
            }
        }
        return byPartition;
    }

    @Override
    public List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit) {
        List<MatchedArticle> merged = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<MatchedArticle> fromPartition = new ArrayList<>();
            boolean local = this.<MatchedArticle>readPartition(StoreNames.RECENT_MATCHES, p, it -> {
                while (it.hasNext() && fromPartition.size() < limit) {
                    KeyValue<String, MatchedArticle> kv = it.next();
                    if (wanted(kv.value, recommendation, language)) {
                        fromPartition.add(kv.value);
                    }
                }
            });
            if (local) {
                merged.addAll(fromPartition);
            }
        }
        merged.sort(Comparator.comparing(MatchedArticle::publishedAt).reversed()
                .thenComparing(MatchedArticle::id));
        return merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : merged;
    }

    /**
     * Only recommendations whose progress-store partition this instance hosts: the state of a recommendation lives
     * on exactly one instance, so with several instances each reports its own and none double-counts. A hosted
     * recommendation without state yet reads as an empty snapshot (zeros), so counters start at 0, not at NaN.
     */
    @Override
    public Map<Recommendation, ProgressSnapshot> progress() {
        Map<Recommendation, ProgressSnapshot> snapshots = new EnumMap<>(Recommendation.class);
        Instant now = clock.instant();
        for (Recommendation r : Recommendation.values()) {
            ProgressState state;
            try {
                // Kafka Streams may only notice on read (not on lookup) that a partition is hosted elsewhere.
                state = this.<String, ProgressState>store(StoreNames.PROGRESS, partitionOf(r.id())).get(r.id());
            } catch (InvalidStateStoreException notLocal) {
                continue; // hosted by another instance
            }
            snapshots.put(r, calculator.snapshot(state == null ? ProgressState.empty(r) : state, now));
        }
        return snapshots;
    }

    /** The partition of the recommendation-keyed repartition topic (and stores) a key lands in: Kafka's default. */
    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public List<Alert> alerts(int limit) {
        List<Alert> all = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Alert> store = store(StoreNames.ALERTS, null);
        try (KeyValueIterator<String, Alert> it = store.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        all.sort(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::id));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    @Override
    public Optional<Story> story(String id) {
        ReadOnlyKeyValueStore<String, StoryCluster> store = store(StoreNames.STORY_CLUSTERS, null);
        return Optional.ofNullable(store.get(id)).map(StoryCluster::story);
    }

    @Override
    public Optional<Story> storyOf(String articleId, Recommendation recommendation) {
        ReadOnlyKeyValueStore<String, String> store = store(StoreNames.ARTICLE_STORIES, null);
        return Optional.ofNullable(store.get(StoryClusterProcessor.articleKey(articleId, recommendation.id())))
                .flatMap(this::story);
    }

    /**
     * Reads one partition of a store if its active task runs here; false when it does not. Kafka Streams may only
     * notice that the partition is elsewhere when the store is read, not when it is looked up, so both are guarded.
     */
    private <V> boolean readPartition(String name, int partition, Consumer<KeyValueIterator<String, V>> reader) {
        try {
            ReadOnlyKeyValueStore<String, V> store = store(name, partition);
            try (KeyValueIterator<String, V> it = store.all()) {
                reader.accept(it);
            }
            return true;
        } catch (InvalidStateStoreException notLocal) {
            return false; // hosted by another instance, or migrating
        }
    }

    private static boolean wanted(MatchedArticle a, Recommendation recommendation, String language) {
        return (recommendation == null || a.matches(recommendation))
                && (language == null || language.equals(a.language()));
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> params =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        return streams.store(partition == null ? params : params.withPartition(partition));
    }
}
