package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agendamonitor.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchedCountersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final Map<String, Long> store = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private boolean readable = true;
    private PrometheusMeterRegistry registry;
    /** Held for the test's length: the registry's counters observe through it by a weak reference. */
    private AgendaMetrics metrics;
    private MatchedCounters counters;

    @BeforeEach
    void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new AgendaMetrics(registry);
        counters = new MatchedCounters(() -> {
            reads.incrementAndGet();
            if (!readable) {
                throw new IllegalStateException("stores not readable");
            }
            return Map.copyOf(store);
        }, clock);
        counters.bindTo(metrics, List.of("en", "es", "und"), (r, language) -> r.id() + "|" + language);
    }

    @Test
    void shouldReadTheStoreOnceForAllCountersOfAScrape() {
        store.put("usmca|en", 7L);
        store.put("merida|es", 3L);
        counters.refresh();
        String scrape = registry.scrape();

        assertThat(reads).hasValue(1); // not once per counter: 3 recommendations x 3 languages
        assertThat(scrape).contains("agenda_articles_matched_total{language=\"en\",recommendation=\"usmca\"} 7.0")
                .contains("agenda_articles_matched_total{language=\"es\",recommendation=\"merida\"} 3.0")
                .contains("agenda_articles_matched_total{language=\"es\",recommendation=\"usmca\"} 0.0");
    }

    @Test
    void shouldShowOneReadingWhenTheStoreMovesDuringAScrape() {
        store.put("usmca|en", 7L);
        store.put("usmca|es", 2L);
        counters.refresh();
        assertThat(count("usmca", "en")).isEqualTo(7);
        store.put("usmca|es", 3L); // an article counted while the scrape is under way
        assertThat(count("usmca", "es")).isEqualTo(2);

        clock.advance(StoreReading.CACHE_FOR.plusMillis(1));
        assertThat(count("usmca", "es")).isEqualTo(3);
    }

    @Test
    void shouldKeepTheLastCountsWhileTheStoreCannotBeReadOrNoLongerHoldsAKey() {
        store.put("usmca|en", 7L);
        store.put("demand_guns_cash|es", 4L);
        counters.refresh();
        readable = false;
        clock.advance(Duration.ofSeconds(5));
        counters.refresh();
        assertThat(count("usmca", "en")).isEqualTo(7);

        readable = true;
        store.remove("demand_guns_cash|es"); // its partition moved to another instance
        store.put("usmca|en", 8L);
        counters.refresh();
        assertThat(count("usmca", "en")).isEqualTo(8);
        assertThat(count("demand_guns_cash", "es")).isEqualTo(4);
    }

    private double count(String recommendation, String language) {
        return registry.get(AgendaMetrics.ARTICLES_MATCHED).tags("recommendation", recommendation, "language", language)
                .functionCounter().count();
    }
}
