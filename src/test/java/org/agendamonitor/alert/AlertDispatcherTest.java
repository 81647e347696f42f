package org.agendamonitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agendamonitor.MutableClock;
import org.agendamonitor.config.AlertSettings;
import org.agendamonitor.config.SmtpSettings;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.AlertReason;
import org.agendamonitor.model.Recommendation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher against a real webhook receiver and a real SMTP server on loopback, fed by Kafka's MockConsumer
 * (the real broker path is AlertPipelineIT's).
 */
class AlertDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:30:00Z");
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ALERTS.name(), 0);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AlertDispatcher> dispatchers = new ArrayList<>();
    private WebhookTestServer webhook;
    private SmtpTestServer smtp;

    static Alert alert(String id, Instant raisedAt) {
        return new Alert(id, Recommendation.USMCA, "usmca-0123456789ab",
                "US and Mexico conclude USMCA joint review <fast> & extend pact",
                List.of("Wire A", "Wire B", "Paper C"),
                List.of("https://wire-a.example/1", "https://wire-b.example/2", "https://paper-c.example/3"),
                List.of("USMCA", "joint review"), raisedAt.minusSeconds(900), raisedAt.minusSeconds(60),
                AlertReason.OUTLETS, "3 outlets within 60 minutes", raisedAt);
    }

    @BeforeEach
    void startServers() throws Exception {
        webhook = new WebhookTestServer();
        smtp = new SmtpTestServer();
    }

    @AfterEach
    void stop() throws Exception {
        dispatchers.forEach(AlertDispatcher::close);
        webhook.close();
        smtp.close();
    }

    /** Starts a dispatcher whose consumer will find {@code alerts} at offsets {@code from}, {@code from + 1}... */
    private MockConsumer<String, byte[]> dispatch(URI webhookUrl, long from, Alert... alerts) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.updateBeginningOffsets(Map.of(PARTITION, from));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            long offset = from;
            for (Alert a : alerts) {
                consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, offset++, a.storyId(),
                        Topics.ALERTS.valueSerde().serializer().serialize(PARTITION.topic(), a)));
            }
        });
        SmtpSettings mail = new SmtpSettings("127.0.0.1", smtp.port(), "monitor@agenda.example",
                List.of("desk@agenda.example"), null, null, false);
        AlertSettings settings = new AlertSettings(webhookUrl, mail, 3, Duration.ofMillis(10));
        dispatchers.add(new AlertDispatcher(consumer, List.of(new LogSink(), new WebhookSink(webhookUrl),
                new EmailSink(mail)), dataDir.resolve("alerts"), settings, new AgendaMetrics(registry), clock)
                .start());
        return consumer;
    }

    private double deliveries(String sink, String outcome) {
        var counter = registry.find(AgendaMetrics.ALERT_DELIVERIES).tags("sink", sink, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long committed(MockConsumer<String, byte[]> consumer) {
        synchronized (consumer) {
            var offsets = consumer.committed(java.util.Set.of(PARTITION));
            return offsets.get(PARTITION) == null ? -1 : offsets.get(PARTITION).offset();
        }
    }

    @Test
    void shouldSendOneWebhookPostAndOneEmailAndCommitAfterDelivery() throws Exception {
        MockConsumer<String, byte[]> consumer = dispatch(webhook.url(), 0, alert("alert-1", NOW));
        await().atMost(Duration.ofSeconds(20)).until(() -> committed(consumer) == 1);

        assertThat(webhook.bodies()).hasSize(1);
        JsonNode body = Json.MAPPER.readTree(webhook.bodies().get(0));
        assertThat(body.get("text").asText()).isEqualTo("Breaking (usmca): US and Mexico conclude USMCA joint review "
                + "&lt;fast&gt; &amp; extend pact — 3 outlets: Wire A, Wire B, Paper C");
        assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(body.get("blocks").get(0).get("text").get("text").asText()).contains("<fast> & extend");
        assertThat(body.get("blocks").get(1).get("text").get("text").asText()).contains("*Recommendation:* usmca")
                .contains("Wire A, Wire B, Paper C");
        assertThat(body.get("blocks").get(2).get("text").get("text").asText())
                .contains("<https://paper-c.example/3>");
        assertThat(body.get("blocks").get(3).get("elements").get(0).get("text").asText())
                .contains("USMCA, joint review").contains("alert-1");

        assertThat(smtp.messages()).hasSize(1);
        assertThat(smtp.recipients()).containsExactly("<desk@agenda.example>");
        assertThat(smtp.messages().get(0)).contains("Subject: [Agenda Monitor] usmca: US and Mexico conclude")
                .contains("X-Agenda-Alert-Id: alert-1").contains("https://wire-b.example/2");
        assertThat(deliveries("webhook", "ok")).isEqualTo(1);
        assertThat(deliveries("email", "ok")).isEqualTo(1);
        assertThat(deliveries("log", "ok")).isEqualTo(1);
    }

    @Test
    void shouldNeverSendTheSameAlertTwiceAcrossRestarts() throws Exception {
        MockConsumer<String, byte[]> first = dispatch(webhook.url(), 0, alert("alert-1", NOW));
        await().atMost(Duration.ofSeconds(20)).until(() -> committed(first) == 1);
        dispatchers.remove(0).close();

        // A restart that re-reads the alert (as after a crash before the commit), then a second alert.
        MockConsumer<String, byte[]> second = dispatch(webhook.url(), 0, alert("alert-1", NOW),
                alert("alert-2", NOW));
        await().atMost(Duration.ofSeconds(20)).until(() -> committed(second) == 2);
        assertThat(webhook.bodies()).hasSize(2);
        assertThat(smtp.messages()).hasSize(2);
        assertThat(smtp.messages().get(1)).contains("X-Agenda-Alert-Id: alert-2");
        assertThat(deliveries("webhook", "duplicate")).isEqualTo(1);
        assertThat(deliveries("email", "duplicate")).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailingWebhookWithBackOff() throws Exception {
        webhook.failNext(2);
        MockConsumer<String, byte[]> consumer = dispatch(webhook.url(), 0, alert("alert-1", NOW));
        await().atMost(Duration.ofSeconds(20)).until(() -> committed(consumer) == 1);
        assertThat(webhook.bodies()).hasSize(1);
        assertThat(deliveries("webhook", "retry")).isEqualTo(2);
        assertThat(deliveries("webhook", "ok")).isEqualTo(1);
    }

    @Test
    void shouldCountASinkThatKeepsFailingAndStillDeliverToTheOthers() throws Exception {
        MockConsumer<String, byte[]> consumer = dispatch(URI.create("http://127.0.0.1:9/nothing-listens"), 0,
                alert("alert-1", NOW), alert("alert-2", NOW));
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(consumer) == 2);
        assertThat(deliveries("webhook", "failed")).isEqualTo(2);
        assertThat(deliveries("webhook", "retry")).isEqualTo(4);
        assertThat(smtp.messages()).hasSize(2);
    }

    @Test
    void shouldNotSendAlertsRaisedLongAgo() throws Exception {
        MockConsumer<String, byte[]> consumer = dispatch(webhook.url(), 0,
                alert("old", NOW.minus(Duration.ofDays(3))));
        await().atMost(Duration.ofSeconds(20)).until(() -> committed(consumer) == 1);
        assertThat(webhook.bodies()).isEmpty();
        assertThat(smtp.messages()).isEmpty();
        assertThat(deliveries("webhook", "stale")).isEqualTo(1);
    }
}
