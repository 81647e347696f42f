package org.agendamonitor.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
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

    public InteractiveQueries(KafkaStreams streams, int partitions) {
        this.streams = streams;
        this.partitions = partitions;
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
