package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One card per recommendation, from the {@code /api/recommendations} JSON: progress score, momentum against the
 * 7-day average, articles today and this week by language, a 14-day sparkline and the latest milestones. Fields the
 * progress stage has not filled yet show as a dash. dashboard-cards.js renders the same markup for live updates.
 */
final class CardsSection {
    /** Momentum within this band of 1.0 reads as steady rather than up or down. */
    static final double STEADY = 0.05;
    private static final int MILESTONES = 3;

    private CardsSection() {
    }

    static void render(StringBuilder html, JsonNode views) {
        html.append("<section class=\"cards\" id=\"cards\" aria-label=\"Recommendations\">");
        for (JsonNode view : views) {
            card(html, view);
        }
        html.append("</section>");
    }

    private static void card(StringBuilder html, JsonNode v) {
        String id = Html.string(v, "id");
        html.append("<article class=\"card\" id=\"rec-").append(Labels.cssId(id)).append("\" data-rec=\"")
                .append(Html.text(id)).append("\"><h2 class=\"card-title\">").append(Html.text(v, "title"))
                .append("</h2><div class=\"score-row\"><p class=\"score\"><span class=\"score-n\">")
                .append(number(v.get("progress_score"), "%.0f")).append("</span><span class=\"score-unit\">/100 "
                        + "progress</span></p>");
        momentum(html, v.get("momentum_ratio"));
        html.append("</div><dl class=\"counts\">");
        count(html, "Today", v.get("articles_today"), v.get("articles_today_by_language"));
        count(html, "This week", v.get("articles_week"), v.get("articles_week_by_language"));
        count(html, "All", v.get("articles"), v.get("articles_by_language"));
        html.append("</dl><figure class=\"spark-fig\">").append(Sparkline.svg(v.get("daily")))
                .append("<figcaption>Articles per day, last 14 days (darker: English)</figcaption></figure>");
        milestones(html, v.get("milestones"));
        html.append("</article>");
    }

    private static void momentum(StringBuilder html, JsonNode ratio) {
        if (ratio == null || !ratio.isNumber()) {
            html.append("<p class=\"momentum momentum-none\">momentum —</p>");
            return;
        }
        double r = ratio.asDouble();
        String trend = r > 1 + STEADY ? "up" : r < 1 - STEADY ? "down" : "steady";
        String arrow = "up".equals(trend) ? "▲" : "down".equals(trend) ? "▼" : "▶";
        html.append("<p class=\"momentum momentum-").append(trend).append("\"><span aria-hidden=\"true\">")
                .append(arrow).append("</span> ").append(trend).append(' ')
                .append(String.format(Locale.ROOT, "%.2f×", r)).append(" vs 7-day avg</p>");
    }

    private static void count(StringBuilder html, String label, JsonNode total, JsonNode byLanguage) {
        html.append("<div><dt>").append(label).append("</dt><dd><span class=\"n\">").append(number(total, "%.0f"))
                .append("</span>");
        if (byLanguage != null && byLanguage.isObject() && !byLanguage.isEmpty()) {
            html.append(" <span class=\"by-lang\">");
            Iterator<Map.Entry<String, JsonNode>> it = byLanguage.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                html.append(Html.text(e.getKey().toUpperCase(Locale.ROOT))).append(' ')
                        .append(number(e.getValue(), "%.0f")).append(it.hasNext() ? " · " : "");
            }
            html.append("</span>");
        }
        html.append("</dd></div>");
    }

    private static void milestones(StringBuilder html, JsonNode milestones) {
        html.append("<h3 class=\"milestones-h\">Latest milestones</h3>");
        if (milestones == null || !milestones.isArray() || milestones.isEmpty()) {
            html.append("<p class=\"muted milestones-none\">None seen yet.</p>");
            return;
        }
        List<JsonNode> newest = new ArrayList<>();
        milestones.forEach(newest::add);
        // ISO-8601 instants in one format sort as text; a missing lastSeen sorts last.
        newest.sort(Comparator.comparing((JsonNode m) -> Objects.toString(Html.string(m, "lastSeen"), "")).reversed());
        html.append("<ul class=\"milestones\">");
        for (JsonNode m : newest.subList(0, Math.min(MILESTONES, newest.size()))) {
            String label = Html.string(m, "label");
            html.append("<li>").append(Html.text(label == null ? Html.string(m, "id") : label)).append(' ')
                    .append(Html.time(Html.string(m, "lastSeen"))).append("</li>");
        }
        html.append("</ul>");
    }

    static String number(JsonNode n, String format) {
        return n == null || !n.isNumber() ? "—" : String.format(Locale.ROOT, format, n.asDouble());
    }
}
