package org.agendamonitor.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The last reading of a state store that a group of meters shares: taken at most once per {@link #CACHE_FOR} (or on
 * {@link #refresh()}, which the {@code /metrics} route calls before it scrapes), so the meters of one scrape all show
 * one state of the pipeline and a scrape reads the store once, not once per meter.
 *
 * <p>While the store cannot be read (rebalancing, starting: the supplier throws) the last values stay: a meter that
 * fell to 0 would look like a counter reset to Prometheus' {@code increase()}. A key the new reading lacks either
 * goes ({@link Missing#FORGET}: hosted elsewhere now) or keeps its last value ({@link Missing#KEEP}).
 */
final class StoreReading<K, V> {
    static final Duration CACHE_FOR = Duration.ofSeconds(1);

    /** What becomes of a key that the newest reading no longer holds. */
    enum Missing { FORGET, KEEP }

    private final Supplier<Map<K, V>> reader;
    private final Missing missing;
    private final Clock clock;
    private final Map<K, V> last = new HashMap<>();
    private Instant readAt = Instant.MIN;

    StoreReading(Supplier<Map<K, V>> reader, Missing missing, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The value of a key in the current reading (read again if older than {@link #CACHE_FOR}); null if none. */
    synchronized V get(K key) {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(CACHE_FOR)) || now.isBefore(readAt)) {
            read(now);
        }
        return last.get(key);
    }

    /** Reads the store now, so that the meters read next (within {@link #CACHE_FOR}) all show this one reading. */
    synchronized void refresh() {
        read(clock.instant());
    }

    private void read(Instant now) {
        try {
            Map<K, V> fresh = reader.get();
            if (missing == Missing.FORGET) {
                last.keySet().retainAll(fresh.keySet());
            }
            last.putAll(fresh);
            readAt = now;
        } catch (RuntimeException storesNotReadable) {
            // keep the last values: rebalancing or starting (InvalidStateStoreException)
        }
    }
}
