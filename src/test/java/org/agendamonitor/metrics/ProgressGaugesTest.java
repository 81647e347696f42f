package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agendamonitor.MutableClock;
import org.agendamonitor.model.MilestoneSeen;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressGaugesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Map<Recommendation, ProgressSnapshot> hosted = new EnumMap<>(Recommendation.class);
    private boolean readable = true;
    private PrometheusMeterRegistry registry;
    /** Held for the test's length: the registry's counters observe through it by a weak reference. */
    private AgendaMetrics metrics;

    static ProgressSnapshot snapshot(Recommendation r, double score, double momentum, long alerts, Instant milestone) {
        return new ProgressSnapshot(r, NOW, score, momentum, 10, 4, 2, 7, Map.of("en", 2L), Map.of("en", 7L), 1, 3,
                2, 0.5, new Signals(3, 1, 6), new Signals(5, 2, 9),
                List.of(new MilestoneSeen("joint-review-concluded", "Concluded", milestone)), List.of(), List.of(),
                alerts);
    }

    @BeforeEach
    void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new AgendaMetrics(registry);
        new ProgressGauges(() -> {
            if (!readable) {
                throw new IllegalStateException("stores not readable");
            }
            return Map.copyOf(hosted);
        }, clock).bindTo(metrics, Map.of(Recommendation.USMCA, List.of("joint-review-concluded")));
    }

    private double gauge(String name, String recommendation) {
        return registry.get(name).tag("recommendation", recommendation).gauge().value();
    }

    @Test
    void shouldReportTheHostedSnapshotsUnderTheContractNames() {
        hosted.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 61.5, 1.4, 2, NOW.minusSeconds(90)));
        assertThat(gauge(AgendaMetrics.PROGRESS_SCORE, "usmca")).isEqualTo(61.5);
        assertThat(gauge(AgendaMetrics.MOMENTUM_RATIO, "usmca")).isEqualTo(1.4);
        assertThat(registry.get(AgendaMetrics.SIGNALS).tags("recommendation", "usmca", "direction", "setback")
                .functionCounter().count()).isEqualTo(2);
        assertThat(registry.get(AgendaMetrics.ALERTS).tag("recommendation", "usmca").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get(AgendaMetrics.MILESTONE_LAST_SEEN).tags("recommendation", "usmca", "milestone",
                "joint-review-concluded").gauge().value()).isEqualTo(NOW.minusSeconds(90).getEpochSecond());
        String scrape = registry.scrape();
        assertThat(scrape).contains("agenda_progress_score{recommendation=\"usmca\"} 61.5")
                .contains("agenda_momentum_ratio{recommendation=\"usmca\"} 1.4")
                .contains("agenda_signals_total{direction=\"advance\",recommendation=\"usmca\"} 5.0")
                .contains("agenda_alerts_total{recommendation=\"usmca\"} 2.0")
                .contains("agenda_milestone_last_seen_timestamp_seconds{milestone=\"joint-review-concluded\","
                        + "recommendation=\"usmca\"} 1.79586711E9");
    }

    @Test
    void shouldReadNaNForRecommendationsHostedElsewhere() {
        hosted.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 61.5, 1.4, 2, null));
        assertThat(gauge(AgendaMetrics.PROGRESS_SCORE, "merida")).isNaN();
        assertThat(registry.get(AgendaMetrics.MILESTONE_LAST_SEEN).tags("recommendation", "usmca", "milestone",
                "joint-review-concluded").gauge().value()).isNaN();
    }

    @Test
    void shouldKeepTheLastValuesWhileTheStoresCannotBeRead() {
        readable = false;
        assertThat(gauge(AgendaMetrics.PROGRESS_SCORE, "usmca")).isNaN();
        readable = true;
        hosted.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 70, 1, 3, null));
        clock.advance(Duration.ofSeconds(2));
        assertThat(gauge(AgendaMetrics.PROGRESS_SCORE, "usmca")).isEqualTo(70);
        readable = false;
        clock.advance(Duration.ofSeconds(2));
        assertThat(registry.get(AgendaMetrics.ALERTS).tag("recommendation", "usmca").functionCounter().count())
                .isEqualTo(3);
    }

    @Test
    void shouldShowOneSnapshotInAScrapeThatRunsPastTheCacheExpiry() {
        MutableClock ticking = new MutableClock(NOW);
        ticking.tickOnEveryRead(Duration.ofMillis(1));
        AtomicInteger reads = new AtomicInteger();
        Map<Recommendation, ProgressSnapshot> stores = new EnumMap<>(Recommendation.class);
        ProgressGauges gauges = new ProgressGauges(() -> {
            reads.incrementAndGet();
            return Map.copyOf(stores);
        }, ticking);
        PrometheusMeterRegistry scraped = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AgendaMetrics metrics = new AgendaMetrics(scraped);
        gauges.bindTo(metrics, Map.of());
        // a story's second article is cached; then its third raises the momentum and the alert together
        stores.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 50, 2.0, 0, null));
        assertThat(scraped.get(AgendaMetrics.MOMENTUM_RATIO).tag("recommendation", "usmca").gauge().value())
                .isEqualTo(2.0);
        stores.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 50, 3.0, 1, null));

        // a scrape well inside the cache period still shows the stores as they are now
        Instant firstRefresh = NOW.plus(ProgressGauges.CACHE_FOR.dividedBy(2));
        ticking.set(firstRefresh);
        gauges.refresh();
        assertThat(scraped.scrape()).contains("agenda_momentum_ratio{recommendation=\"usmca\"} 3.0")
                .contains("agenda_alerts_total{recommendation=\"usmca\"} 1.0");

        // the next scrape begins 10 ms before that read would run out, and every gauge read takes 1 ms
        stores.put(Recommendation.USMCA, snapshot(Recommendation.USMCA, 50, 4.0, 2, null));
        Instant oldExpiry = firstRefresh.plusMillis(1).plus(ProgressGauges.CACHE_FOR);
        ticking.set(oldExpiry.minusMillis(10));
        reads.set(0);
        gauges.refresh();
        String scrape = scraped.scrape();

        assertThat(ticking.instant()).as("the scrape ran past the old expiry").isAfter(oldExpiry);
        assertThat(reads).as("store reads, the scrape's own refresh included").hasValue(1);
        assertThat(scrape).contains("agenda_momentum_ratio{recommendation=\"usmca\"} 4.0")
                .contains("agenda_alerts_total{recommendation=\"usmca\"} 2.0");
        // the counters observe through AgendaMetrics, held weakly by the registry (as the app holds it, keep it)
        Reference.reachabilityFence(metrics);
    }
}
