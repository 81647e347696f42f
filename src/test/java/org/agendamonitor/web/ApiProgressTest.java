package org.agendamonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agendamonitor.config.WebSettings;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.AlertReason;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.model.StoryArticle;
import org.agendamonitor.progress.ProgressCalculator;
import org.agendamonitor.progress.ProgressState;
import org.agendamonitor.stream.AgendaReadModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress fields of /api/recommendations, /api/alerts, /api/stories/{id} and story ids on /api/articles. */
class ApiProgressTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String STORY_ID = "usmca-0123456789ab";
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;

    private static final Story STORY = new Story(STORY_ID, Recommendation.USMCA, "USMCA review concluded",
            NOW.minusSeconds(600), NOW, List.of(
                    new StoryArticle("a1", "wire-a", "Wire A", "https://a.example/1", "USMCA review concluded", "en",
                            NOW.minusSeconds(600), Direction.ADVANCE, "joint-review-concluded"),
                    new StoryArticle("a2", "wire-b", "Wire B", "https://b.example/2", "USMCA review ends", "en", NOW,
                            Direction.ADVANCE, null)),
            List.of("Wire A", "Wire B"), List.of("USMCA"));

    private static final Alert ALERT = new Alert("alert-00112233aabbccdd", Recommendation.USMCA, STORY_ID,
            "USMCA review concluded", List.of("Wire A", "Wire B", "Paper C"), List.of("https://a.example/1"),
            List.of("USMCA"), NOW.minusSeconds(600), NOW, AlertReason.OUTLETS, "3 outlets within 60 minutes", NOW);

    /** A read model with progress for USMCA and Mérida, one story and one alert. */
    static final class ProgressReadModel implements AgendaReadModel {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public String state() {
            return "RUNNING";
        }

        @Override
        public Map<String, Long> matchCounts() {
            return Map.of("usmca|en", 2L, "merida|es", 1L);
        }

        @Override
        public List<MatchedArticle> recentArticles(Recommendation r, String language, int limit) {
            Match m = new Match(Recommendation.USMCA, 2.0, List.of(), List.of("USMCA"), List.of(), Direction.ADVANCE,
                    null, "");
            return List.of(new MatchedArticle("a1", "wire-a", "Wire A", "https://a.example/1", "t", "s", "en", NOW,
                    NOW, List.of(m)));
        }

        @Override
        public Map<Recommendation, ProgressSnapshot> progress() {
            ProgressCalculator calculator = new ProgressCalculator(Map.of(Recommendation.USMCA,
                    Map.of("joint-review-concluded", "USMCA joint review concluded")));
            Map<Recommendation, ProgressSnapshot> out = new EnumMap<>(Recommendation.class);
            out.put(Recommendation.USMCA, withWeek(calculator.snapshot(ProgressState.empty(Recommendation.USMCA),
                    NOW), 3));
            out.put(Recommendation.MERIDA, withWeek(calculator.snapshot(ProgressState.empty(Recommendation.MERIDA),
                    NOW), 1));
            return out;
        }

        private static ProgressSnapshot withWeek(ProgressSnapshot p, long week) {
            return new ProgressSnapshot(p.recommendation(), p.computedAt(), 58.3, 1.5, 99, 2, 1, week,
                    Map.of("en", 1L), Map.of("en", week), 1, 2, 1, 0.5, p.signals(), p.signalsTotal(),
                    p.milestones(), p.daily(), p.hourly(), 1);
        }

        @Override
        public List<Alert> alerts(int limit) {
            return List.of(ALERT);
        }

        @Override
        public Optional<Story> story(String id) {
            return STORY_ID.equals(id) ? Optional.of(STORY) : Optional.empty();
        }

        @Override
        public Optional<Story> storyOf(String articleId, Recommendation recommendation) {
            return "a1".equals(articleId) ? Optional.of(STORY) : Optional.empty();
        }
    }

    @BeforeEach
    void start() {
        server = new WebServer(new WebSettings("127.0.0.1", 0), new ProgressReadModel(),
                Map.of(Recommendation.USMCA, "USMCA"), List::of, MetricsRegistryFactory.prometheus()::scrape).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldCarryProgressMomentumAndTheFourteenDaySeriesOnRecommendations() throws Exception {
        JsonNode body = Json.MAPPER.readTree(get("/api/recommendations").body());
        JsonNode usmca = body.get(2);
        assertThat(usmca.get("id").asText()).isEqualTo("usmca");
        assertThat(usmca.get("articles").asLong()).isEqualTo(2); // the exact count store, not the snapshot
        assertThat(usmca.get("progress_score").asDouble()).isEqualTo(58.3);
        assertThat(usmca.get("momentum_ratio").asDouble()).isEqualTo(1.5);
        assertThat(usmca.get("articles_today").asLong()).isEqualTo(1);
        assertThat(usmca.get("articles_week").asLong()).isEqualTo(3);
        assertThat(usmca.get("articles_today_by_language").get("en").asLong()).isEqualTo(1);
        assertThat(usmca.get("articles_week_by_language").get("en").asLong()).isEqualTo(3);
        assertThat(usmca.get("stories").asLong()).isEqualTo(2);
        assertThat(usmca.get("share_of_voice").asDouble()).isEqualTo(0.75);
        assertThat(usmca.get("signals").fieldNames()).toIterable().containsExactly("advance", "setback", "neutral");
        assertThat(usmca.get("milestones").get(0).get("id").asText()).isEqualTo("joint-review-concluded");
        assertThat(usmca.get("milestones").get(0).get("label").asText()).isEqualTo("USMCA joint review concluded");
        assertThat(usmca.get("milestones").get(0).has("lastSeen")).isTrue();
        assertThat(usmca.get("daily")).hasSize(14);
        assertThat(usmca.get("daily").get(0).get("date").asText()).isEqualTo("2026-11-15");
        assertThat(usmca.get("daily").get(13).get("date").asText()).isEqualTo("2026-11-28");
        assertThat(usmca.get("daily").get(13).has("by_language")).isTrue();
        assertThat(body.get(1).get("share_of_voice").asDouble()).isEqualTo(0.0);
        assertThat(body.get(1).has("progress_score")).isFalse(); // not hosted here
    }

    @Test
    void shouldListAlertsWithStableIds() throws Exception {
        JsonNode alerts = Json.MAPPER.readTree(get("/api/alerts").body());
        assertThat(alerts).hasSize(1);
        JsonNode a = alerts.get(0);
        assertThat(a.get("id").asText()).isEqualTo("alert-00112233aabbccdd");
        assertThat(a.get("recommendation").asText()).isEqualTo("usmca");
        assertThat(a.get("storyId").asText()).isEqualTo(STORY_ID);
        assertThat(a.get("sources")).hasSize(3);
        assertThat(a.get("firstSeen").asText()).isEqualTo("2026-11-28T11:50:00Z");
        assertThat(a.get("reason").asText()).isEqualTo("outlets");
    }

    @Test
    void shouldShowOneStoryAnd404ForUnknownOnes() throws Exception {
        HttpResponse<String> r = get("/api/stories/" + STORY_ID);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode story = Json.MAPPER.readTree(r.body());
        assertThat(story.get("id").asText()).isEqualTo(STORY_ID);
        assertThat(story.get("size").asInt()).isEqualTo(2);
        assertThat(story.get("outlets")).hasSize(2);
        assertThat(story.get("articles").get(1).get("url").asText()).isEqualTo("https://b.example/2");
        assertThat(get("/api/stories/usmca-ffffffffffff").statusCode()).isEqualTo(404);
        assertThat(get("/api/stories/%3Cscript%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldTellTheStoryOfEachMatchedArticle() throws Exception {
        JsonNode articles = Json.MAPPER.readTree(get("/api/articles").body());
        assertThat(articles.get(0).get("storyId").asText()).isEqualTo(STORY_ID);
        assertThat(articles.get(0).get("storySize").asInt()).isEqualTo(2);
        assertThat(articles.get(0).get("matches").get(0).get("storyId").asText()).isEqualTo(STORY_ID);
        assertThat(articles.get(0).get("matches").get(0).get("terms").get(0).asText()).isEqualTo("USMCA");
    }
}
