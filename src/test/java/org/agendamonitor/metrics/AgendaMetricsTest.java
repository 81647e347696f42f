package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus names, labels and units of DESIGN.md's metrics contract, as a real scrape shows them. */
class AgendaMetricsTest {
    private PrometheusMeterRegistry registry;
    private AgendaMetrics metrics;

    @BeforeEach
    void setUp() {
        registry = MetricsRegistryFactory.prometheus();
        // A name collision (same name, other type or tags) must fail loudly in tests, not vanish.
        registry.config().onMeterRegistrationFailed((id, reason) -> {
            throw new IllegalStateException("meter " + id + " not registered: " + reason);
        });
        metrics = new AgendaMetrics(registry);
    }

    @Test
    void shouldExposeEveryContractNameWithItsLabelsAndUnits() {
        AtomicLong matched = new AtomicLong(7);
        metrics.articlesIngested("demo-wire", 3);
        metrics.duplicate();
        metrics.matchedCountFrom(Recommendation.USMCA, "es", matched::get);
        metrics.progressScoreFrom(Recommendation.MERIDA, () -> 61.5);
        metrics.momentumRatioFrom(Recommendation.MERIDA, () -> 1.4);
        metrics.signalsFrom(Recommendation.USMCA, "advance", () -> 2);
        metrics.milestoneLastSeenFrom(Recommendation.USMCA, "joint-review-concluded", () -> 1_795_000_000L);
        metrics.alertsFrom(Recommendation.USMCA, () -> 1);
        metrics.feedFetched("demo-wire", "not_modified", Duration.ofMillis(250));
        metrics.feedSucceeded("demo-wire", Instant.ofEpochSecond(1_795_841_498L));
        metrics.pipelineLatency(Duration.ofMillis(40));
        metrics.streamsRunningFrom(() -> true);

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("agenda_articles_ingested_total{feed=\"demo-wire\"} 3.0")
                .contains("agenda_articles_duplicate_total 1.0")
                .contains("agenda_articles_matched_total{language=\"es\",recommendation=\"usmca\"} 7.0")
                .contains("agenda_progress_score{recommendation=\"merida\"} 61.5")
                .contains("agenda_momentum_ratio{recommendation=\"merida\"} 1.4")
                .contains("agenda_signals_total{direction=\"advance\",recommendation=\"usmca\"} 2.0")
                .contains("agenda_milestone_last_seen_timestamp_seconds{milestone=\"joint-review-concluded\","
                        + "recommendation=\"usmca\"} 1.795E9")
                .contains("agenda_alerts_total{recommendation=\"usmca\"} 1.0")
                .contains("agenda_feed_fetch_total{feed=\"demo-wire\",outcome=\"not_modified\"} 1.0")
                .contains("agenda_feed_fetch_duration_seconds_count 1")
                .contains("agenda_feed_last_success_timestamp_seconds{feed=\"demo-wire\"} 1.795841498E9")
                .contains("agenda_pipeline_latency_seconds_count 1")
                .contains("agenda_streams_running 1.0")
                .contains("jvm_memory_used_bytes");
        matched.set(9);
        assertThat(registry.scrape())
                .contains("agenda_articles_matched_total{language=\"es\",recommendation=\"usmca\"} 9.0");
    }

    @Test
    void shouldKeepFunctionCountersAliveAfterGarbageCollection() {
        metrics.matchedCountFrom(Recommendation.MERIDA, "en", () -> 5);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(registry.scrape())
                .contains("agenda_articles_matched_total{language=\"en\",recommendation=\"merida\"} 5.0");
    }

    @Test
    void shouldDropNewFeedSeriesBeyondTheCapInsteadOfGrowingWithoutBound() {
        for (int i = 0; i < MetricsRegistryFactory.MAX_FEED_TAG_VALUES + 10; i++) {
            metrics.feedFetched("feed-" + i, "ok", Duration.ofMillis(1));
        }
        long series = registry.getMeters().stream()
                .filter(m -> m.getId().getName().equals(AgendaMetrics.FEED_FETCH)).count();
        assertThat(series).isEqualTo(MetricsRegistryFactory.MAX_FEED_TAG_VALUES);
    }
}
