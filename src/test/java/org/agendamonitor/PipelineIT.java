package org.agendamonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agendamonitor.cli.MonitorApp;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigLoader;
import org.agendamonitor.kafka.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real parts: a feed file served over HTTP on loopback, the app's own embedded KRaft broker, the
 * production topology and matcher, and the web API and /metrics. Then a restart from the same data directory and a
 * second poll of the same feed must not change any count.
 */
class PipelineIT {
    @TempDir
    Path work;

    private HttpServer feedServer;
    private final AtomicInteger feedRequests = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private MonitorApp app;

    @BeforeEach
    void serveFeed() throws IOException {
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/feed.xml", ex -> {
            feedRequests.incrementAndGet();
            try (InputStream in = PipelineIT.class.getResourceAsStream("/pipeline/agenda-news.xml")) {
                byte[] body = in.readAllBytes();
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        feedServer.start();
        Path config = Files.createDirectories(work.resolve("config"));
        Files.copy(Path.of("config", "agenda.yaml"), config.resolve("agenda.yaml"));
        Files.writeString(config.resolve("feeds.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>test</title></head><body>
                  <outline text="Test"><outline id="test-wire" text="Test Wire" type="rss" language="en"
                      xmlUrl="http://127.0.0.1:%d/feed.xml"/></outline>
                </body></opml>
                """.formatted(feedServer.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        feedServer.stop(0);
    }

    private AppConfig config(int brokerPort) {
        return new ConfigLoader(Map.of()).load(work.resolve("config"), false, Map.of(
                "data.dir", work.resolve("data").toString(),
                "web.port", "0",
                "kafka.embedded.port", String.valueOf(brokerPort)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.web().url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private long articles(String recommendation) throws Exception {
        for (JsonNode r : json("/api/recommendations")) {
            if (r.get("id").asText().equals(recommendation)) {
                return r.get("articles").asLong();
            }
        }
        throw new AssertionError("no recommendation " + recommendation);
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/health").statusCode() == 200);
    }

    @Test
    void shouldCarryAFeedItemToTheApiAndMetricsAndCountItOnceAcrossARestart() throws Exception {
        app = MonitorApp.start(config(0));
        int brokerPort = Integer.parseInt(app.config().kafka().clientBootstrap().split(":")[1]);
        awaitHealthy();
        app.scheduler().pollAllNow();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> json("/api/articles?recommendation=usmca").size() == 1);
        JsonNode usmca = json("/api/articles?recommendation=usmca").get(0);
        assertThat(usmca.get("title").asText()).contains("USMCA joint review");
        assertThat(usmca.get("url").asText()).isEqualTo("https://pipeline.example/usmca-joint-review");
        assertThat(usmca.get("source").asText()).isEqualTo("Test Wire");
        assertThat(usmca.get("matches").get(0).get("recommendation").asText()).isEqualTo("usmca");
        await().atMost(Duration.ofSeconds(30)).until(() -> articles("demand_guns_cash") == 1);
        assertThat(articles("usmca")).isEqualTo(1);
        assertThat(articles("merida")).isZero();
        assertThat(json("/api/articles").size()).as("the football item matches nothing").isEqualTo(2);

        String metrics = get("/metrics").body();
        assertThat(metrics).contains("agenda_articles_matched_total{language=\"en\",recommendation=\"usmca\"} 1.0");
        assertThat(metrics).contains("agenda_articles_ingested_total{feed=\"test-wire\"} 3.0");
        assertThat(metrics).containsPattern("agenda_feed_fetch_total\\{feed=\"test-wire\",outcome=\"ok\"\\} [1-9]\\.0");
        assertThat(metrics).contains("kafka_stream_");
        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertThat(json("/api/feeds").get(0).get("feedId").asText()).isEqualTo("test-wire");
        assertThat(get("/").body()).contains("<!DOCTYPE html>")
                .contains("<mark>USMCA</mark> <mark>joint review</mark> in Washington");

        app.close();
        app = MonitorApp.start(config(brokerPort));
        awaitHealthy();
        int before = feedRequests.get();
        app.scheduler().pollAllNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> feedRequests.get() > before);
        // The re-sent items reach the topology and are recognised as duplicates; nothing is counted twice.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/metrics").body().contains("agenda_articles_duplicate_total 3.0"));
        assertThat(articles("usmca")).isEqualTo(1);
        assertThat(articles("demand_guns_cash")).isEqualTo(1);
        assertThat(json("/api/articles?recommendation=usmca")).hasSize(1);
        assertThat(get("/metrics").body())
                .contains("agenda_articles_matched_total{language=\"en\",recommendation=\"usmca\"} 1.0");
    }
}
