package org.agendamonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.agendamonitor.config.WebSettings;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes, status codes, JSON shapes and escaping, over real HTTP on a free port. */
class ApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final LiveReadModel model = new LiveReadModel();
    private WebServer server;

    @BeforeEach
    void start() {
        Map<Recommendation, String> titles = new EnumMap<>(Recommendation.class);
        titles.put(Recommendation.USMCA, "Ratify and implement the USMCA");
        PrometheusMeterRegistry registry = MetricsRegistryFactory.prometheus();
        server = new WebServer(new WebSettings("127.0.0.1", 0), model, titles,
                () -> List.of(Map.of("feedId", "demo-wire")), registry::scrape).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static MatchedArticle article(String id, String title, String url, String lang, Instant published) {
        Match m = new Match(Recommendation.USMCA, 2.0, List.of("agreement"), List.of("T-MEC"), List.of(),
                Direction.ADVANCE, null, "t-mec in title");
        return new MatchedArticle(id, "demo-wire", "Wire <b>", url, title, "s", lang, published, published,
                List.of(m));
    }

    @Test
    void shouldListAllThreeRecommendationsWithExactCounts() throws Exception {
        model.count("usmca|en", 3L);
        model.count("usmca|es", 2L);
        model.count("merida|es", 1L);
        HttpResponse<String> r = get("/api/recommendations");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body).hasSize(3);
        assertThat(body.get(2).get("id").asText()).isEqualTo("usmca");
        assertThat(body.get(2).get("title").asText()).isEqualTo("Ratify and implement the USMCA");
        assertThat(body.get(2).get("articles").asLong()).isEqualTo(5);
        assertThat(body.get(2).get("articles_by_language").get("es").asLong()).isEqualTo(2);
        assertThat(body.get(0).get("articles").asLong()).isEqualTo(1);
    }

    @Test
    void shouldReturnArticlesNewestFirstFilteredAndLimited() throws Exception {
        Instant t = Instant.parse("2026-11-28T08:00:00Z");
        model.add(article("a", "old", "https://x.example/a", "en", t.minusSeconds(60)));
        model.add(article("b", "new", "https://x.example/b", "es", t));
        JsonNode all = Json.MAPPER.readTree(get("/api/articles?recommendation=usmca&limit=50").body());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("id").asText()).isEqualTo("b");
        assertThat(all.get(0).get("publishedAt").asText()).isEqualTo("2026-11-28T08:00:00Z");
        assertThat(all.get(0).get("matches").get(0).get("terms").get(0).asText()).isEqualTo("T-MEC");
        JsonNode spanish = Json.MAPPER.readTree(get("/api/articles?language=es").body());
        assertThat(spanish).extracting(n -> n.get("id").asText()).containsExactly("b");
        assertThat(Json.MAPPER.readTree(get("/api/articles?limit=1").body())).hasSize(1);
    }

    @Test
    void shouldAnswer400WithAJsonErrorForBadParameters() throws Exception {
        HttpResponse<String> badRec = get("/api/articles?recommendation=nafta");
        assertThat(badRec.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(badRec.body()).get("error").asText()).contains("nafta");
        assertThat(get("/api/articles?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?limit=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?language=%3Cscript%3E").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer503FromApiAndHealthWhileStreamsIsNotRunning() throws Exception {
        model.ready(false);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/api/recommendations").statusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(get("/health").body()).get("streams").asText()).isEqualTo("REBALANCING");
        model.ready(true);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldEscapeFeedTextAndLinkOnlyHttpUrlsOnTheDashboard() throws Exception {
        Instant t = Instant.parse("2026-11-28T08:00:00Z");
        model.add(article("x", "<script>alert(1)</script>USMCA", "javascript:alert(2)", "en", t));
        model.add(article("y", "T-MEC \"quoted\" <img src=x onerror=alert(3)>", "https://ok.example/y",
                "es", t.minusSeconds(5)));
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String html = page.body();
        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;USMCA");
        assertThat(html).doesNotContain("javascript:alert(2)").doesNotContain("<img src=x");
        assertThat(html).contains("href=\"https://ok.example/y\"").contains("Wire &lt;b&gt;");
    }

    @Test
    void shouldServeMetricsInPrometheusFormatAndFeedsAsJson() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(Json.MAPPER.readTree(get("/api/feeds").body()).get(0).get("feedId").asText())
                .isEqualTo("demo-wire");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/articles"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
    }
}
