package org.agendamonitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusLintFilterTest {
    private final PrometheusMeterRegistry registry = MetricsRegistryFactory.prometheus();

    @Test
    void shouldDropSubSecondUnitsRenameCountGaugesAndAddMissingHelp() {
        FunctionCounter.builder("kafka.producer.io.time.ns.total", this, x -> 5).register(registry);
        Gauge.builder("kafka.app.info.start.time.ms", () -> 1).register(registry);
        Gauge.builder("kafka.consumer.connection.count", () -> 2).description("open connections")
                .register(registry);
        Gauge.builder("kafka.producer.node.request.latency.avg", () -> 3).register(registry);
        String scrape = registry.scrape();
        assertThat(scrape).doesNotContain("io_time_ns").doesNotContain("start_time_ms")
                .contains("kafka_consumer_connections 2.0").doesNotContain("connection_count")
                .contains("# HELP kafka_producer_node_request_latency_avg Client metric "
                        + "kafka.producer.node.request.latency.avg (its source gives no description)");
    }

    @Test
    void shouldLeaveOurOwnMetersAlone() {
        new AgendaMetrics(registry).alertDelivered("webhook", "ok");
        assertThat(registry.scrape()).contains("# HELP agenda_alert_deliveries_total Alert deliveries by sink and "
                + "outcome").contains("agenda_alert_deliveries_total{outcome=\"ok\",sink=\"webhook\"} 1.0");
    }
}
