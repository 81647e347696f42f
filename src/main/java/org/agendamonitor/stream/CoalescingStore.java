package org.agendamonitor.stream;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that hands each key's latest value to the store beneath it once per commit instead of on every
 * put: a story that three articles join between two commits is serialized, written and sent to its changelog once,
 * not three times, and so is a recommendation's progress, which every match updates. Kafka Streams' record cache
 * coalesces the same way, but it keeps serialized bytes, so it still serializes on every put; this keeps the objects,
 * which the stores' values are (immutable records), and serializes each once.
 *
 * <p>Exactly-once is kept: the values are written when Kafka Streams flushes the task's caches before it commits
 * (the hook its own cache uses), so they join the same transaction as the output and the input offsets; a task that
 * dies before that drops them with the transaction, and replays its input. Reads see the latest value (get, from any
 * thread: interactive queries too); the stream thread's iterations first write what is pending, while an interactive
 * query's iteration reads the store beneath, which is at most one commit behind.
 */
final class CoalescingStore<K, V> extends WrappedStateStore<KeyValueStore<K, V>, K, V>
        implements KeyValueStore<K, V> {
    /** Marks a key deleted since the last commit. */
    private static final Object DELETED = new Object();
    /** Key -> latest value (or {@link #DELETED}) not handed down yet; read by interactive queries. */
    private final Map<K, Object> pending = new ConcurrentHashMap<>();
    /** The stream thread: the only one that may write to the store beneath. */
    private volatile Thread owner;

    CoalescingStore(KeyValueStore<K, V> wrapped) {
        super(wrapped);
    }

    /** {@code builder}'s store, coalesced. */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> of(StoreBuilder<KeyValueStore<K, V>> builder) {
        return new Builder<>(builder);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        owner = Thread.currentThread();
        pending.clear();
        super.init(context, root);
    }

    @Override
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        pending.put(key, value == null ? DELETED : value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public V delete(K key) {
        V current = get(key);
        pending.put(key, DELETED);
        return current;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object value = pending.get(key);
        if (value != null) {
            return value == DELETED ? null : (V) value;
        }
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writePendingIfOwner();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        writePendingIfOwner();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writePendingIfOwner();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        writePendingIfOwner();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<K, V> prefixScan(
            P prefix, PS prefixKeySerializer) {
        writePendingIfOwner();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** Called by Kafka Streams before every commit. */
    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void flush() {
        writePending();
        super.flush();
    }

    @Override
    public void close() {
        pending.clear(); // a clean close has flushed; a dirty one drops them with the aborted transaction
        super.close();
    }

    private void writePendingIfOwner() {
        if (Thread.currentThread() == owner) {
            writePending();
        }
    }

    @SuppressWarnings("unchecked")
    private void writePending() {
        for (Map.Entry<K, Object> e : pending.entrySet()) {
            Object value = e.getValue();
            if (value == DELETED) {
                wrapped().put(e.getKey(), null); // a delete without reading and decoding the old value
            } else {
                wrapped().put(e.getKey(), (V) value);
            }
            pending.remove(e.getKey(), value); // a reader sees the value here or beneath, never neither
        }
    }

    /** Builds the given store and coalesces it; everything else is the given builder's. */
    private static final class Builder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {
        private final StoreBuilder<KeyValueStore<K, V>> inner;

        Builder(StoreBuilder<KeyValueStore<K, V>> inner) {
            this.inner = inner;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
            inner.withCachingEnabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<K, V> build() {
            return new CoalescingStore<>(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
