package org.agendamonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.cli.MonitorApp;
import org.agendamonitor.config.ConfigLoader;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.model.Article;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring side on real tools: promtool lints a real scrape of the running app and checks and unit-tests the
 * alerting rules; a real Prometheus server scrapes the app every second, evaluates the rules, and answers queries
 * for the contract metrics, including the breaking-story alert firing after the app raised one. Skipped with a
 * message when the Debian {@code prometheus} package is not installed, except on CI ({@code CI=true}) where that is
 * a failure.
 */
class PrometheusIT {
    private static final Path RULES = Path.of("config", "prometheus", "rules.yml").toAbsolutePath();
    private static final Path RULE_TESTS = Path.of("config", "prometheus", "rules.test.yml").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    private static MonitorApp app;
    private static Process prometheus;
    private static String prometheusUrl;

    @BeforeAll
    static void startAppAndPrometheus() throws Exception {
        boolean installed = onPath("promtool") && onPath("prometheus");
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but promtool/prometheus are not installed (Debian package prometheus)");
        }
        Assumptions.assumeTrue(installed,
                "promtool and prometheus not on PATH: install the Debian package 'prometheus' to run PrometheusIT");
        Path config = BreakingNewsFixtures.appConfigDir(work);
        app = MonitorApp.start(new ConfigLoader(Map.of()).load(config, false, Map.of(
                "data.dir", work.resolve("data").toString(), "web.port", "0", "kafka.embedded.port", "0",
                "ingest.enabled", "false")));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(app.web().url() + "/health").statusCode() == 200);
        prometheus = startPrometheus(URI.create(app.web().url()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (app != null) {
            app.close();
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Process startPrometheus(URI app) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: agenda-monitor
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["%s:%d"]
                """.formatted(RULES, app.getHost(), app.getPort()));
        prometheusUrl = "http://127.0.0.1:" + port;
        return new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Result vector of an instant query on the real Prometheus. */
    private static JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = get(prometheusUrl + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            return Json.MAPPER.createArrayNode();
        }
        return Json.MAPPER.readTree(r.body()).path("data").path("result");
    }

    private static double value(String promql) throws IOException, InterruptedException {
        JsonNode result = query(promql);
        return result.isEmpty() ? Double.NaN : result.get(0).get("value").get(1).asDouble();
    }

    private static ToolResult promtool(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ToolResult(p.waitFor(), out);
    }

    private record ToolResult(int exit, String output) {
    }

    @Test
    void shouldPassPromtoolLintOnALiveScrapeOfTheApp() throws Exception {
        Path scrape = work.resolve("scrape.txt");
        Files.writeString(scrape, get(app.web().url() + "/metrics").body());
        assertThat(Files.readString(scrape)).contains("agenda_progress_score{recommendation=\"usmca\"}")
                .contains("agenda_alerts_total{recommendation=\"usmca\"} 0.0");
        ToolResult lint = promtool(scrape, "check", "metrics");
        assertThat(lint.output()).as("promtool check metrics").isBlank();
        assertThat(lint.exit()).isZero();
    }

    @Test
    void shouldPassPromtoolOnTheRulesAndTheirUnitTests() throws Exception {
        ToolResult check = promtool(null, "check", "rules", RULES.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        ToolResult test = promtool(null, "test", "rules", RULE_TESTS.toString());
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void shouldBeScrapedByARealPrometheusThatSeesMatchesAndFiresTheBreakingStoryAlert() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> value("agenda_alerts_total{recommendation=\"usmca\"}") == 0.0
                        && query("agenda_articles_matched_total{recommendation=\"usmca\",language=\"en\"}")
                        .size() == 1);
        assertThat(value("up{job=\"agenda-monitor\"}")).isEqualTo(1.0);
        assertThat(value("agenda_streams_running")).isEqualTo(1.0);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
                app.config().producerProperties("prometheus-it"), new StringSerializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer())) {
            for (Article a : BreakingNewsFixtures.recent(BreakingNewsFixtures.usmcaStory().subList(0, 3), now)) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), a.id(), a));
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                value("sum(agenda_articles_matched_total{recommendation=\"usmca\"})") == 3.0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                value("agenda_alerts_total{recommendation=\"usmca\"}") == 1.0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                query("ALERTS{alertname=\"AgendaBreakingStory\",alertstate=\"firing\",recommendation=\"usmca\"}")
                        .size() == 1);
        assertThat(value("agenda_momentum_ratio{recommendation=\"usmca\"}")).isEqualTo(3.0);
        assertThat(value("agenda_progress_score{recommendation=\"usmca\"}")).isBetween(0.0, 100.0);
        assertThat(query("ALERTS{alertname=\"AgendaBreakingStory\",recommendation=\"merida\"}")).isEmpty();
    }
}
