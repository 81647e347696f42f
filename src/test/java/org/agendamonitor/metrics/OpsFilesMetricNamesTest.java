package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.Test;

/**
 * Every {@code agenda_*} series the Prometheus rules and the Grafana dashboard query is one the app really exposes:
 * the scrape of a registry in which every application meter has been touched once.
 */
class OpsFilesMetricNamesTest {
    private static final Pattern AGENDA_NAME = Pattern.compile("\\bagenda_[a-z_]+");

    static Set<String> exposedNames() {
        PrometheusMeterRegistry registry = MetricsRegistryFactory.prometheus();
        AgendaMetrics metrics = new AgendaMetrics(registry);
        metrics.articlesIngested("wire", 1);
        metrics.itemsSkipped("wire", "no_link", 1);
        metrics.feedFetched("wire", "ok", Duration.ofMillis(5));
        metrics.feedSucceeded("wire", Instant.EPOCH);
        metrics.duplicate();
        metrics.deadLettered();
        metrics.pipelineLatency(Duration.ofMillis(5));
        metrics.matchedCountFrom(Recommendation.USMCA, "en", () -> 1);
        metrics.streamsRunningFrom(() -> true);
        metrics.alertDelivered("webhook", "failed");
        new ProgressGauges(() -> Map.of(Recommendation.USMCA, ProgressGaugesTest.snapshot(Recommendation.USMCA, 50,
                1, 1, Instant.EPOCH)), Clock.systemUTC())
                .bindTo(metrics, Map.of(Recommendation.USMCA, List.of("joint-review-concluded")));
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (line.startsWith("agenda_")) {
                names.add(line.split("[{ ]")[0]);
            }
        }
        return names;
    }

    private static Set<String> names(String text) {
        Matcher m = AGENDA_NAME.matcher(text);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void shouldAlertOnlyOnMetricsTheAppExposes() throws IOException {
        Set<String> queried = names(Files.readString(Path.of("config/prometheus/rules.yml")));
        assertThat(queried).contains("agenda_alerts_total", "agenda_alert_deliveries_total");
        assertThat(exposedNames()).containsAll(queried);
    }

    @Test
    void shouldChartOnlyMetricsTheAppExposes() throws IOException {
        JsonNode dashboard = Json.MAPPER.readTree(Path.of("config/grafana/dashboards/agenda-monitor.json").toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> queried.addAll(names(expr.asText())));
        assertThat(queried).contains("agenda_progress_score", "agenda_momentum_ratio",
                "agenda_milestone_last_seen_timestamp_seconds", "agenda_alert_deliveries_total");
        assertThat(exposedNames()).containsAll(queried);
    }

    @Test
    void shouldExposeTheWholeMetricsContract() {
        assertThat(exposedNames()).contains("agenda_articles_ingested_total", "agenda_articles_duplicate_total",
                "agenda_articles_matched_total", "agenda_progress_score", "agenda_momentum_ratio",
                "agenda_signals_total", "agenda_milestone_last_seen_timestamp_seconds", "agenda_alerts_total",
                "agenda_feed_fetch_total", "agenda_feed_fetch_duration_seconds_count",
                "agenda_feed_last_success_timestamp_seconds", "agenda_pipeline_latency_seconds_count",
                "agenda_alert_deliveries_total");
    }
}
