package org.agendamonitor.stream;

import java.util.ArrayList;
import java.util.List;
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
 * <p>The cap is kept as each article arrives: the keys of the recent store are mirrored in {@link NewestKeys} (a few
 * hundred KB at the cap), so the oldest one is known without reading the store. A periodic trim used to walk and
 * decode the whole store instead; after a backlog that stopped the stream thread for over half a second, which was
 * the tail of the latency benchmark.
 */
final class MatchIndexer implements FixedKeyProcessor<String, MatchedArticle, MatchedArticle> {
    private final int recentCap;
    private FixedKeyProcessorContext<String, MatchedArticle> context;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, MatchedArticle> recent;
    /** Rebuilt from the store on every init: a revived task must not keep keys its aborted transaction wrote. */
    private NewestKeys recentKeys;

    MatchIndexer(int recentCap) {
        this.recentCap = recentCap;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MatchedArticle> context) {
        this.context = context;
        this.counts = context.getStateStore(StoreNames.MATCH_COUNTS);
        this.recent = context.getStateStore(StoreNames.RECENT_MATCHES);
        this.recentKeys = new NewestKeys(recentCap);
        // A store can hold more than the cap: written with a larger one, or by a version that trimmed once a minute.
        List<String> beyondCap = new ArrayList<>();
        try (KeyValueIterator<String, MatchedArticle> it = recent.all()) {
            while (it.hasNext()) {
                beyondCap.addAll(recentKeys.add(it.next().key));
            }
        }
        beyondCap.forEach(this::forget);
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
        recentKeys.add(key).forEach(this::forget);
        context.forward(record);
    }

    /**
     * Deletes by writing null: a store's {@code delete} returns the old value, so it would read and decode a whole
     * matched article only to throw it away (1.4% of the stream thread in the profile, once the cap is reached).
     */
    private void forget(String key) {
        recent.put(key, null);
    }
}
