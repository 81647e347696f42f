package org.agendamonitor.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Expires entries of a state store a slice at a time: each {@link #sweep} visits at most {@code budget} entries,
 * starting after the last key the previous sweep visited and wrapping round at the end of the store.
 *
 * <p>Why slices: a punctuator runs on the stream thread, so a walk over a whole store (half a year of article ids,
 * two weeks of stories) holds up every article behind it for as long as the walk takes. A bounded slice keeps that
 * pause small and fixed whatever the store's size; expiry then lags by one round of the store, which the
 * retentions (days) absorb.
 */
final class StoreSweep<K, V> {
    /** How often the processors that own a sweep run it: small slices, often. */
    static final Duration EVERY = Duration.ofSeconds(10);

    private final KeyValueStore<K, V> store;
    private final int budget;
    private K resumeAfter;

    StoreSweep(KeyValueStore<K, V> store, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("a sweep must visit at least one entry, got " + budget);
        }
        this.store = store;
        this.budget = budget;
    }

    /** Visits the next slice and deletes the entries {@code expired} accepts; returns the entries deleted. */
    List<KeyValue<K, V>> sweep(BiPredicate<K, V> expired) {
        List<KeyValue<K, V>> doomed = new ArrayList<>();
        K from = resumeAfter;
        K last = null;
        int visited = 0;
        boolean atEnd = false;
        try (KeyValueIterator<K, V> it = from == null ? store.all() : store.range(from, null)) {
            while (visited < budget) {
                if (!it.hasNext()) {
                    atEnd = true;
                    break;
                }
                KeyValue<K, V> entry = it.next();
                if (entry.key.equals(from)) {
                    continue; // ranges include their start, which the previous slice has seen
                }
                visited++;
                last = entry.key;
                if (expired.test(entry.key, entry.value)) {
                    doomed.add(entry);
                }
            }
        }
        resumeAfter = atEnd ? null : last;
        doomed.forEach(entry -> store.put(entry.key, null)); // a delete that does not read the value again
        return doomed;
    }
}
