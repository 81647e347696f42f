package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    static ProgressSnapshot snapshot(Recommendation r, double score, double momentum, long alerts, Instant milestone) {
        return new ProgressSnapshot(r, NOW, score, momentum, 10, 4, 2, 7, Map.of("en", 2L), Map.of("en", 7L), 1, 3,
                2, 0.5, new Signals(3, 1, 6), new Signals(5, 2, 9),
                List.of(new MilestoneSeen("joint-review-concluded", "Concluded", milestone)), List.of(), List.of(),
                alerts);
    }

    @BeforeEach
    void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ProgressGauges(() -> {
            if (!readable) {
                throw new IllegalStateException("stores not readable");
            }
            return Map.copyOf(hosted);
        }, clock).bindTo(new AgendaMetrics(registry),
                Map.of(Recommendation.USMCA, List.of("joint-review-concluded")));
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
}
