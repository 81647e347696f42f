package org.agendamonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Recommendation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The server-rendered sections from fixture JSON, parsed back with jsoup: what a browser without script shows. */
class DashboardPageTest {
    private static Document cards(JsonNode views) {
        StringBuilder html = new StringBuilder();
        CardsSection.render(html, views);
        return Jsoup.parseBodyFragment(html.toString());
    }

    private static Document articles(List<JsonNode> list) {
        StringBuilder html = new StringBuilder();
        ArticlesSection.render(html, list);
        return Jsoup.parseBodyFragment(html.toString());
    }

    private static List<JsonNode> list(String fixture) {
        List<JsonNode> nodes = new ArrayList<>();
        DashboardFixtures.json(fixture).forEach(nodes::add);
        return nodes;
    }

    @Test
    void shouldShowProgressMomentumCountsSparklineAndMilestonesWhenTheApiCarriesThem() {
        Document doc = cards(DashboardFixtures.json("recommendations-progress.json"));
        Element usmca = doc.getElementById("rec-usmca");
        assertThat(usmca.selectFirst(".score-n").text()).isEqualTo("73");
        assertThat(usmca.selectFirst(".momentum").className()).contains("momentum-steady");
        assertThat(doc.selectFirst("#rec-merida .momentum").text()).isEqualTo("▲ up 1.32× vs 7-day avg");
        assertThat(doc.selectFirst("#rec-demand-guns-cash .momentum").className()).contains("momentum-down");
        assertThat(usmca.select(".counts dd").eachText()).containsExactly("14 EN 8 · ES 6", "63 EN 35 · ES 28",
                "302 EN 170 · ES 132");
        assertThat(usmca.select("svg.spark g")).hasSize(14);
        assertThat(usmca.selectFirst("svg.spark g title").text()).isEqualTo("2026-11-15: 7 (EN 4)");
        assertThat(usmca.select(".milestones li").eachText()).containsExactly(
                "Joint review concluded 28 Nov 06:40 UTC",
                "<script>window.__pwned='milestone'</script>Label 27 Nov 10:00 UTC");
        assertThat(doc.select("script, img")).isEmpty();
        assertThat(doc.selectFirst("#rec-demand-guns-cash .milestones-none")).isNotNull();
    }

    @Test
    void shouldShowDashesWhenTheProgressStageHasNotFilledTheFields() {
        JsonNode bare = Json.MAPPER.valueToTree(List.of(Map.of("id", "usmca", "title", "USMCA", "articles", 5)));
        Element card = cards(bare).getElementById("rec-usmca");
        assertThat(card.selectFirst(".score-n").text()).isEqualTo("—");
        assertThat(card.selectFirst(".momentum").text()).isEqualTo("momentum —");
        assertThat(card.select(".counts .n").eachText()).containsExactly("—", "—", "5");
        assertThat(card.selectFirst(".spark-empty")).isNotNull();
    }

    @Test
    void shouldFoldArticlesSharingAStoryIdUnderTheNewest() {
        Document doc = articles(list("story-articles.json"));
        assertThat(doc.select("#articles > li").eachAttr("data-id")).containsExactly("s1-0", "a02");
        Element story = doc.selectFirst("li[data-id=s1-0]");
        // storySize 5 counts articles the page has not loaded: four others, of which three are here.
        assertThat(story.selectFirst("details.also > summary").text()).isEqualTo("Also in 4 outlets");
        assertThat(story.select("details.also li")).hasSize(3);
        assertThat(story.select("details.also a").eachAttr("href")).allMatch(h -> h.startsWith("https://"));
        assertThat(doc.selectFirst("li[data-id=a02] details.also")).isNull();
    }

    @Test
    void shouldTolerateArticlesWithoutStoryIdOrMatches() {
        JsonNode bare = Json.MAPPER.valueToTree(Map.of("id", "x", "title", "T", "publishedAt", "not a date"));
        Document doc = articles(List.of(bare));
        assertThat(doc.selectFirst("li[data-id=x] .headline").text()).isEqualTo("T");
        assertThat(doc.selectFirst("li[data-id=x] time").text()).isEqualTo("not a date");
        assertThat(doc.getElementById("articles-empty").hasAttr("hidden")).isTrue();
    }

    @Test
    void shouldEscapeEverySegmentAndSkipHitsThatDoNotFit() {
        JsonNode a = Json.MAPPER.valueToTree(Map.of("title", "<b>USMCA</b> & T-MEC", "matches", List.of(Map.of(
                "hits", List.of(hit(3, 8, "USMCA"), hit(4, 6, "SM"), hit(15, 20, "T-MEC"), hit(0, 99, "x"),
                        hit(9, 10, "zzz"))))));
        assertThat(Highlighter.field(a, "title"))
                .isEqualTo("&lt;b&gt;<mark>USMCA</mark>&lt;/b&gt; &amp; <mark>T-MEC</mark>");
    }

    private static Map<String, Object> hit(int start, int end, String text) {
        return Map.of("field", "title", "start", start, "end", end, "text", text);
    }

    @Test
    void shouldReadFiltersFromTheUrlAndDropValuesThatDoNotParse() {
        DashboardQuery q = DashboardQuery.from(Map.of("recommendation", "nafta", "language", "<x>", "outlet", " Wire ",
                "q", "Mexico"));
        assertThat(q.recommendation()).isNull();
        assertThat(q.language()).isNull();
        assertThat(q.outlet()).isEqualTo("Wire");
        assertThat(q.accepts(Json.MAPPER.valueToTree(Map.of("source", "Wire", "title", "México y EE.UU.")))).isTrue();
        assertThat(q.accepts(Json.MAPPER.valueToTree(Map.of("source", "Other", "title", "México")))).isFalse();
        assertThat(DashboardQuery.from(Map.of("recommendation", "usmca")).recommendation())
                .isEqualTo(Recommendation.USMCA);
    }
}
