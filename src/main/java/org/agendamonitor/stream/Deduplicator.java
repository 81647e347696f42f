package org.agendamonitor.stream;

import java.time.Duration;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards an article only the first time its id is seen. The store is changelogged and updated in the same
 * transaction as the output, so a crash and replay neither loses nor repeats an article. Ids are forgotten after
 * {@code retention} (a feed re-listing a year-old item then counts it again: a deliberate bound on the store).
 * They are forgotten a {@link StoreSweep} slice at a time, so the sweep never holds up the stream for long.
 */
final class Deduplicator implements FixedKeyProcessor<String, Article, Article> {
    /** Ids looked at per sweep; at one sweep per {@link StoreSweep#EVERY}, 17 million a day per task. */
    static final int SWEEP_BUDGET = 2_000;
    private final AgendaMetrics metrics;
    private final Duration retention;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;
    private StoreSweep<String, Long> sweep;

    Deduplicator(AgendaMetrics metrics, Duration retention) {
        this.metrics = metrics;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.ARTICLE_IDS);
        this.sweep = new StoreSweep<>(seen, SWEEP_BUDGET);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanRetention);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (seen.get(record.key()) != null) {
            metrics.duplicate();
            return;
        }
        seen.put(record.key(), record.timestamp());
        context.forward(record);
    }

    private void forgetOlderThanRetention(long now) {
        long cutoff = now - retention.toMillis();
        sweep.sweep((id, firstSeen) -> firstSeen < cutoff);
    }
}
