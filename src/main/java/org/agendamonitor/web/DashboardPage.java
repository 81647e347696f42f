package org.agendamonitor.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.jsoup.nodes.Entities;

/**
 * The server-rendered dashboard: one card per recommendation with its count and latest articles. Every string that
 * came from a feed goes through {@link #text}; links are emitted only for http(s) URLs.
 */
final class DashboardPage {
    private static final int ARTICLES_PER_CARD = 8;

    private final ApiRoutes api;

    DashboardPage(ApiRoutes api) {
        this.api = api;
    }

    String render(boolean ready, String state) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Agenda Monitor</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>")
                .append("<header><h1>Agenda Monitor</h1><p>US–Mexico security cooperation brief: how the news moves "
                        + "on its three recommendations.</p></header><main>");
        if (!ready) {
            html.append("<p class=\"notice\">Starting: Kafka Streams is ").append(text(state))
                    .append(". This page fills in when the pipeline is running.</p>");
        } else {
            html.append("<section class=\"cards\">");
            for (Map<String, Object> view : api.recommendationViews()) {
                card(html, view);
            }
            html.append("</section>");
        }
        html.append("</main><footer><a href=\"/api/recommendations\">API</a> · <a href=\"/metrics\">metrics</a> · "
                + "<a href=\"/health\">health</a></footer></body></html>");
        return html.toString();
    }

    private void card(StringBuilder html, Map<String, Object> view) {
        Recommendation r = Recommendation.fromId((String) view.get("id"));
        html.append("<article class=\"card\" id=\"rec-").append(r.id()).append("\"><h2>")
                .append(text((String) view.get("title"))).append("</h2><p class=\"count\"><span class=\"n\">")
                .append(view.get("articles")).append("</span> matched articles</p><ol class=\"articles\">");
        List<MatchedArticle> latest = api.latest(r, ARTICLES_PER_CARD);
        for (MatchedArticle a : latest) {
            html.append("<li>").append(link(a.url(), a.title())).append("<span class=\"meta\">")
                    .append(text(a.source())).append(" · ").append(text(a.language().toUpperCase(Locale.ROOT)))
                    .append(" · ").append(text(String.valueOf(a.publishedAt()))).append("</span>")
                    .append(terms(a, r)).append("</li>");
        }
        if (latest.isEmpty()) {
            html.append("<li class=\"empty\">No articles yet.</li>");
        }
        html.append("</ol></article>");
    }

    private static String terms(MatchedArticle a, Recommendation r) {
        StringBuilder s = new StringBuilder("<span class=\"terms\">");
        for (Match m : a.matches()) {
            if (m.recommendation() == r) {
                m.terms().forEach(t -> s.append("<mark>").append(text(t)).append("</mark> "));
            }
        }
        return s.append("</span>").toString();
    }

    static String link(String url, String label) {
        return isHttp(url)
                ? "<a href=\"" + text(url) + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                        + text(label) + "</a>"
                : "<span>" + text(label) + "</span>";
    }

    static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String text(String s) {
        return s == null ? "" : Entities.escape(s);
    }
}
