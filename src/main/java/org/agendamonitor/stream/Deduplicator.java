package org.agendamonitor.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards an article only the first time its id is seen. The store is changelogged and updated in the same
 * transaction as the output, so a crash and replay neither loses nor repeats an article. Ids are forgotten after
 * {@code retention} (a feed re-listing a year-old item then counts it again: a deliberate bound on the store).
 */
final class Deduplicator implements FixedKeyProcessor<String, Article, Article> {
    private final AgendaMetrics metrics;
    private final Duration retention;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;

    Deduplicator(AgendaMetrics metrics, Duration retention) {
        this.metrics = metrics;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.ARTICLE_IDS);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanRetention);
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
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (e.value < cutoff) {
                    expired.add(e.key);
                }
            }
        }
        expired.forEach(seen::delete);
    }
}
