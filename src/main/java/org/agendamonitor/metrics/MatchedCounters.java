package org.agendamonitor.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.agendamonitor.model.Recommendation;

/**
 * The {@code agenda_articles_matched_total} counters, one per recommendation and language, over the topology's count
 * store, so they are exact under exactly-once and right again immediately after a restart.
 *
 * <p>All of them are read from one reading of the store per scrape ({@link StoreReading}): before, each counter (three
 * recommendations by three languages) read the whole store for itself, and one scrape could show the English count
 * after an article and the Spanish one before it. While the store cannot be read a counter keeps its last value, and a
 * count the store no longer holds here (its partition moved to another instance) stays at its last value too, rather
 * than fall to 0 and look like a counter reset.
 */
public final class MatchedCounters {
    private final StoreReading<String, Long> counts;

    /** @param counts the count store's entries (key "recommendation|language"); throws while it cannot be read */
    public MatchedCounters(Supplier<Map<String, Long>> counts, Clock clock) {
        this.counts = new StoreReading<>(counts, StoreReading.Missing.KEEP, clock);
    }

    /** @param key the count store's key of a recommendation and language */
    public void bindTo(AgendaMetrics metrics, List<String> languages, BiFunction<Recommendation, String, String> key) {
        for (Recommendation r : Recommendation.values()) {
            for (String language : languages) {
                String countKey = key.apply(r, language);
                metrics.matchedCountFrom(r, language, () -> count(countKey));
            }
        }
    }

    long count(String key) {
        Long count = counts.get(key);
        return count == null ? 0 : count;
    }

    /** Reads the store now, so that the counters read next all show this one reading. */
    public void refresh() {
        counts.refresh();
    }
}
