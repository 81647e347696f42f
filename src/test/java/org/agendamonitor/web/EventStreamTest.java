package org.agendamonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agendamonitor.config.WebSettings;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/events over real HTTP: the stream opens with hello, and a new article in the read model is pushed. */
class EventStreamTest {
    private final LiveReadModel model = new LiveReadModel();
    private WebServer server;

    @BeforeEach
    void start() {
        // What exists when the server starts is known to the broadcaster before any client connects.
        model.addAll(DashboardFixtures.articles("articles.json"));
        server = new WebServer(new WebSettings("127.0.0.1", 0), model, Map.of(), List::of,
                MetricsRegistryFactory.prometheus()::scrape).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldPushOnlyArticlesAddedAfterTheStreamStarted() throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(next(lines, "event: ")).isEqualTo("event: hello");
        model.add(DashboardFixtures.breaking("live-1", "Acuerdo del T-MEC", "https://gaceta.example/live-1"));
        assertThat(next(lines, "event: articles")).isEqualTo("event: articles");
        String data = next(lines, "data: ");
        assertThat(data).contains("\"id\":\"live-1\"").doesNotContain("\"id\":\"a01\"");
        response.body().close();
    }

    /** The next line starting with prefix, within five seconds; null when none came. */
    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }
}
