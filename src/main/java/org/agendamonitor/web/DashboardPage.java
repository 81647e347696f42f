package org.agendamonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.kafka.Json;

/**
 * The dashboard at {@code /}: filters, the three recommendation cards and the stream of matched articles, rendered on
 * the server from the same JSON the API serves, so the first articles show before any script runs and the page reads
 * fine without script. dashboard.js then keeps it live. Every feed string is escaped (see {@link Html}).
 */
final class DashboardPage {
    /** How many articles the stream loads; dashboard.js asks the API for the same number. */
    static final int STREAM_LIMIT = 100;

    private final ApiRoutes api;

    DashboardPage(ApiRoutes api) {
        this.api = api;
    }

    String render(DashboardQuery query, boolean ready, String state) {
        StringBuilder html = new StringBuilder(32_768);
        PageLayout.open(html, PageLayout.Page.DASHBOARD);
        if (!ready) {
            html.append("<p class=\"notice\" id=\"not-ready\">Starting: Kafka Streams is ").append(Html.text(state))
                    .append(". This page fills in when the pipeline is running.</p>");
            html.append("<section class=\"cards\" id=\"cards\" aria-label=\"Recommendations\"></section>");
            FilterBar.render(html, query, List.of());
            stream(html, List.of());
        } else {
            List<JsonNode> loaded = articles(query);
            CardsSection.render(html, Json.MAPPER.valueToTree(api.recommendationViews()));
            FilterBar.render(html, query, loaded);
            stream(html, loaded.stream().filter(query::accepts).toList());
        }
        PageLayout.close(html);
        return html.toString();
    }

    private static void stream(StringBuilder html, List<JsonNode> shown) {
        html.append("<section class=\"stream\" aria-labelledby=\"stream-h\"><h2 id=\"stream-h\">Latest matched "
                + "articles</h2>");
        ArticlesSection.render(html, shown);
        html.append("</section>");
    }

    private List<JsonNode> articles(DashboardQuery q) {
        List<JsonNode> nodes = new ArrayList<>();
        api.articles(q.recommendation(), q.language(), STREAM_LIMIT)
                .forEach(a -> nodes.add(Json.MAPPER.valueToTree(a)));
        return nodes;
    }
}
