package org.agendamonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.agendamonitor.alert.SmtpTestServer;
import org.agendamonitor.alert.WebhookTestServer;
import org.agendamonitor.cli.MonitorApp;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigLoader;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.model.Article;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaking-story alerts end to end on real parts: the app's embedded KRaft broker, the production topology and
 * matcher, the alert dispatcher with a real webhook receiver and a real SMTP server on loopback, and the web API.
 * Three outlets on one USMCA story give one alert, one POST and one e-mail; a fourth outlet, a restart and a replay
 * of the articles give nothing more.
 */
class AlertPipelineIT {
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookTestServer webhook;
    private SmtpTestServer smtp;
    private MonitorApp app;

    @BeforeEach
    void setUp() throws IOException {
        webhook = new WebhookTestServer();
        smtp = new SmtpTestServer();
        BreakingNewsFixtures.appConfigDir(work);
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        webhook.close();
        smtp.close();
    }

    private AppConfig config(int brokerPort) {
        return new ConfigLoader(Map.of()).load(work.resolve("config"), false, Map.ofEntries(
                Map.entry("data.dir", work.resolve("data").toString()),
                Map.entry("web.port", "0"),
                Map.entry("kafka.embedded.port", String.valueOf(brokerPort)),
                Map.entry("ingest.enabled", "false"),
                Map.entry("alert.webhook.url", webhook.url().toString()),
                Map.entry("alert.smtp.host", "127.0.0.1"),
                Map.entry("alert.smtp.port", String.valueOf(smtp.port())),
                Map.entry("alert.smtp.from", "monitor@agenda.example"),
                Map.entry("alert.smtp.to", "desk@agenda.example"),
                Map.entry("alert.smtp.starttls", "false"),
                Map.entry("alert.delivery.backoff.ms", "50")));
    }

    private void publish(List<Article> articles) {
        Properties p = app.config().producerProperties("alert-pipeline-it");
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(p, new StringSerializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer())) {
            articles.forEach(a -> producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), a.id(), a)));
            producer.flush();
        }
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.web().url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.web().url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void startAndAwaitHealthy(int brokerPort) {
        app = MonitorApp.start(config(brokerPort));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> http.send(
                HttpRequest.newBuilder(URI.create(app.web().url() + "/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private JsonNode usmca() throws Exception {
        for (JsonNode r : json("/api/recommendations")) {
            if (r.get("id").asText().equals("usmca")) {
                return r;
            }
        }
        throw new AssertionError("no usmca in /api/recommendations");
    }

    @Test
    void shouldAlertOncePerStoryAcrossAFourthOutletARestartAndAReplay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Article> story = BreakingNewsFixtures.recent(BreakingNewsFixtures.usmcaStory(), now);
        startAndAwaitHealthy(0);
        int brokerPort = Integer.parseInt(app.config().kafka().clientBootstrap().split(":")[1]);

        publish(story.subList(0, 3));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> json("/api/alerts").size() == 1 && !smtp.messages().isEmpty());
        JsonNode alert = json("/api/alerts").get(0);
        String alertId = alert.get("id").asText();
        String storyId = alert.get("storyId").asText();
        assertThat(alert.get("recommendation").asText()).isEqualTo("usmca");
        assertThat(alert.get("reason").asText()).isEqualTo("outlets");
        assertThat(alert.get("sources")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Wire A", "Wire B", "Paper C");
        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.bodies().size() == 1);
        assertThat(Json.MAPPER.readTree(webhook.bodies().get(0)).get("text").asText())
                .contains("Wire A").contains("Wire B").contains("Paper C");
        assertThat(smtp.messages()).hasSize(1);
        assertThat(smtp.messages().get(0)).contains("X-Agenda-Alert-Id: " + alertId);

        // A fourth outlet joins the story: the stored alert grows, nothing new is raised or sent.
        publish(story.subList(3, 4));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> json("/api/stories/" + storyId).get("size").asInt() == 4);
        assertThat(json("/api/stories/" + storyId).get("articles")).as("the story lists its four articles")
                .extracting(a -> a.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(story.stream().map(Article::id).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> json("/api/alerts").get(0).get("sources").size() == 4);
        assertThat(json("/api/articles?recommendation=usmca").get(0).get("storyId").asText()).isEqualTo(storyId);
        assertThat(json("/api/articles?recommendation=usmca").get(0).get("storySize").asInt()).isEqualTo(4);

        // Mérida the city: three outlets, no match, no alert.
        publish(BreakingNewsFixtures.recent(BreakingNewsFixtures.meridaCityStory(), now));
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().contains("agenda_pipeline_latency_seconds_count"));

        JsonNode progress = usmca();
        assertThat(progress.get("articles").asLong()).isEqualTo(4);
        assertThat(progress.get("stories").asLong()).isEqualTo(1);
        assertThat(progress.get("articles_today").asLong() + progress.get("daily").get(12).get("articles").asLong())
                .isEqualTo(4);
        assertThat(progress.get("daily")).hasSize(14);
        assertThat(progress.get("progress_score").asDouble()).isBetween(0.0, 100.0);
        assertThat(progress.get("momentum_ratio").asDouble()).isEqualTo(4.0);
        assertThat(progress.get("share_of_voice").asDouble()).isEqualTo(1.0);
        assertThat(metrics()).contains("agenda_alerts_total{recommendation=\"usmca\"} 1.0")
                .contains("agenda_momentum_ratio{recommendation=\"usmca\"} 4.0")
                .containsPattern("agenda_progress_score\\{recommendation=\"usmca\"} [0-9.]+")
                .contains("agenda_alert_deliveries_total{outcome=\"ok\",sink=\"webhook\"} 1.0");

        // A restart from the same data directory (a re-read of the alert topic is AlertDispatcherTest's).
        app.close();
        startAndAwaitHealthy(brokerPort);
        publish(story); // a full replay of the story's articles
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> metrics().contains("agenda_articles_duplicate_total 4.0"));
        assertThat(json("/api/alerts")).hasSize(1);
        assertThat(json("/api/alerts").get(0).get("id").asText()).isEqualTo(alertId);
        assertThat(json("/api/alerts").get(0).get("sources")).hasSize(4);
        assertThat(usmca().get("articles").asLong()).isEqualTo(4);
        assertThat(webhook.bodies()).hasSize(1);
        assertThat(smtp.messages()).hasSize(1);
    }
}
