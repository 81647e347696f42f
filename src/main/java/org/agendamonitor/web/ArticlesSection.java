package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stream of matched articles, newest first, from the same JSON the API serves (so a field added there, such as
 * {@code storyId}, shows here without a model change). Articles sharing a {@code storyId} fold under the newest one.
 * dashboard-articles.js renders the same markup in the browser for live updates; keep the two in step.
 */
final class ArticlesSection {
    private ArticlesSection() {
    }

    static void render(StringBuilder html, List<JsonNode> articles) {
        html.append("<ol class=\"articles\" id=\"articles\">");
        for (List<JsonNode> story : stories(articles)) {
            row(html, story);
        }
        html.append("</ol><p class=\"empty\" id=\"articles-empty\"").append(articles.isEmpty() ? "" : " hidden")
                .append(">No matching articles yet.</p>");
    }

    /** Groups by storyId in order of each story's newest article; an article without one is a story of its own. */
    static List<List<JsonNode>> stories(List<JsonNode> articles) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode a : articles) {
            String story = Html.string(a, "storyId");
            String key = story == null || story.isEmpty() ? "article:" + Html.string(a, "id") : "story:" + story;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        return new ArrayList<>(groups.values());
    }

    private static void row(StringBuilder html, List<JsonNode> story) {
        JsonNode a = story.get(0);
        html.append("<li class=\"article\" data-id=\"").append(Html.text(a, "id")).append("\">")
                .append("<h3 class=\"headline\">")
                .append(Html.link(Html.string(a, "url"), Highlighter.field(a, "title"), null)).append("</h3>");
        meta(html, a);
        String summary = Highlighter.field(a, "summary");
        if (!summary.isEmpty()) {
            html.append("<p class=\"summary\">").append(summary).append("</p>");
        }
        why(html, a);
        also(html, a, story.subList(1, story.size()));
        html.append("</li>");
    }

    private static void meta(StringBuilder html, JsonNode a) {
        html.append("<p class=\"meta\"><span class=\"source\">").append(Html.text(a, "source")).append("</span> · ")
                .append(Html.time(Html.string(a, "publishedAt"))).append(" · <span class=\"lang\">")
                .append(Html.text(upper(Html.string(a, "language")))).append("</span>");
        for (JsonNode m : a.path("matches")) {
            String id = Html.string(m, "recommendation");
            html.append(" <span class=\"rec rec-").append(Labels.cssId(id)).append("\">")
                    .append(Html.text(Labels.shortLabel(id))).append("</span>");
        }
        html.append("</p>");
    }

    private static void why(StringBuilder html, JsonNode a) {
        html.append("<details class=\"why\"><summary>Why it matched</summary><ul>");
        for (JsonNode m : a.path("matches")) {
            String direction = Html.string(m, "direction");
            html.append("<li><strong>").append(Html.text(Labels.shortLabel(Html.string(m, "recommendation"))))
                    .append("</strong> · score ").append(CardsSection.number(m.get("score"), "%.1f"))
                    .append(" · <span class=\"dir dir-").append(Labels.cssId(direction)).append("\">")
                    .append(Html.text(direction == null ? "neutral" : direction)).append("</span>");
            if (Html.string(m, "milestone") != null) {
                html.append(" · milestone <span class=\"milestone\">").append(Html.text(m, "milestone"))
                        .append("</span>");
            }
            html.append("<p class=\"explanation\">").append(Html.text(m, "explanation")).append("</p>")
                    .append("<p class=\"topics\">Topics: ").append(Html.text(joined(m.path("topics"))))
                    .append(" · Terms: ").append(Html.text(joined(m.path("terms")))).append("</p></li>");
        }
        html.append("</ul></details>");
    }

    private static void also(StringBuilder html, JsonNode lead, List<JsonNode> others) {
        int size = lead.path("storySize").asInt(0);
        int n = Math.max(others.size(), size - 1);
        if (n <= 0) {
            return;
        }
        html.append("<details class=\"also\"><summary>Also in ").append(n).append(n == 1 ? " outlet" : " outlets")
                .append("</summary><ul>");
        for (JsonNode o : others) {
            html.append("<li>").append(Html.link(Html.string(o, "url"), Html.text(o, "title"), null))
                    .append(" <span class=\"meta\">").append(Html.text(o, "source")).append(" · ")
                    .append(Html.time(Html.string(o, "publishedAt"))).append("</span></li>");
        }
        html.append("</ul></details>");
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }
}
