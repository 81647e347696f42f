package org.agendamonitor.stream;

import java.time.Duration;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps what the API reads: the exact count of distinct matched articles per recommendation and language, and the
 * most recent matched articles (capped per partition). Runs after deduplication, so each article counts once.
 */
final class MatchIndexer implements FixedKeyProcessor<String, MatchedArticle, MatchedArticle> {
    private final int recentCap;
    private FixedKeyProcessorContext<String, MatchedArticle> context;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, MatchedArticle> recent;

    MatchIndexer(int recentCap) {
        this.recentCap = recentCap;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MatchedArticle> context) {
        this.context = context;
        this.counts = context.getStateStore(StoreNames.MATCH_COUNTS);
        this.recent = context.getStateStore(StoreNames.RECENT_MATCHES);
        context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, now -> trimRecent());
    }

    @Override
    public void process(FixedKeyRecord<String, MatchedArticle> record) {
        MatchedArticle article = record.value();
        for (Match m : article.matches()) {
            String key = RecentKey.countKey(m.recommendation().id(), article.language());
            Long before = counts.get(key);
            counts.put(key, before == null ? 1L : before + 1);
        }
        recent.put(RecentKey.of(article.publishedAt(), article.id()), article);
        context.forward(record);
    }

    /** Keys sort newest first, so everything after the first {@code recentCap} entries is the oldest. */
    private void trimRecent() {
        int kept = 0;
        java.util.List<String> drop = new java.util.ArrayList<>();
        try (KeyValueIterator<String, MatchedArticle> it = recent.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (++kept > recentCap) {
                    drop.add(key);
                }
            }
        }
        drop.forEach(recent::delete);
    }
}
