package org.agendamonitor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Recommendation;

/**
 * The monitor's {@code run} command in a child JVM, exactly as an operator starts it
 * ({@code AgendaMonitorCommand run --config DIR --set ...}), plus the HTTP calls a test makes to it.
 */
final class AppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildJvm jvm;
    private final String baseUrl;

    private AppProcess(ChildJvm jvm, int webPort) {
        this.jvm = jvm;
        this.baseUrl = "http://127.0.0.1:" + webPort;
    }

    /** @param settings {@code --set} pairs; must include {@code web.port} (a fixed port, so restarts keep it) */
    static AppProcess start(String name, Path configDir, Path log, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("run", "--config", configDir.toString()));
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        ChildJvm jvm = ChildJvm.start(name, log, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                "org.agendamonitor.cli.AgendaMonitorCommand", args);
        return new AppProcess(jvm, Integer.parseInt(settings.get("web.port")));
    }

    ChildJvm jvm() {
        return jvm;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Status of GET path, or -1 while nothing answers. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode json(String path) throws IOException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IOException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** {@code articles} per recommendation from /api/recommendations. */
    Map<Recommendation, Long> articleCounts() throws IOException {
        Map<Recommendation, Long> counts = new EnumMap<>(Recommendation.class);
        for (JsonNode r : json("/api/recommendations")) {
            counts.put(Recommendation.fromId(r.get("id").asText()), r.get("articles").asLong());
        }
        return counts;
    }

    /** Like {@link #articleCounts()}, or null while the API does not answer 200. */
    Map<Recommendation, Long> articleCountsOrNull() {
        try {
            return articleCounts();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        jvm.close();
    }
}
