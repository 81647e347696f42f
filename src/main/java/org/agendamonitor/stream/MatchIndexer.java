package org.agendamonitor.stream;

import java.util.TreeSet;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps what the API reads: the exact count of distinct matched articles per recommendation and language, and the
 * most recent matched articles (capped per partition). Runs after deduplication, so each article counts once.
 *
 * <p>The cap is kept as each article arrives: the keys of the recent store are mirrored in memory (a few hundred KB
 * at the cap), so the oldest one is known without reading the store. A periodic trim used to walk and decode the
 * whole store instead; after a backlog that stopped the stream thread for over half a second, which was the tail of
 * the latency benchmark.
 */
final class MatchIndexer implements FixedKeyProcessor<String, MatchedArticle, MatchedArticle> {
    private final int recentCap;
    private FixedKeyProcessorContext<String, MatchedArticle> context;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, MatchedArticle> recent;
    /** The keys in {@link #recent}, in the store's order: newest first, so the last is the one to drop. */
    private TreeSet<String> recentKeys;

    MatchIndexer(int recentCap) {
        if (recentCap < 1) {
            throw new IllegalArgumentException("the recent cap must be positive, got " + recentCap);
        }
        this.recentCap = recentCap;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MatchedArticle> context) {
        this.context = context;
        this.counts = context.getStateStore(StoreNames.MATCH_COUNTS);
        this.recent = context.getStateStore(StoreNames.RECENT_MATCHES);
        this.recentKeys = new TreeSet<>();
        try (KeyValueIterator<String, MatchedArticle> it = recent.all()) {
            while (it.hasNext()) {
                recentKeys.add(it.next().key);
            }
        }
        keepCap(); // a store written by a version with a larger cap, or trimmed only once a minute
    }

    @Override
    public void process(FixedKeyRecord<String, MatchedArticle> record) {
        MatchedArticle article = record.value();
        for (Match m : article.matches()) {
            String key = RecentKey.countKey(m.recommendation().id(), article.language());
            Long before = counts.get(key);
            counts.put(key, before == null ? 1L : before + 1);
        }
        String key = RecentKey.of(article.publishedAt(), article.id());
        recent.put(key, article);
        recentKeys.add(key);
        keepCap();
        context.forward(record);
    }

    private void keepCap() {
        while (recentKeys.size() > recentCap) {
            recent.delete(recentKeys.pollLast());
        }
    }
}
