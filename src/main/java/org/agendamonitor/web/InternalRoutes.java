package org.agendamonitor.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import org.agendamonitor.stream.LocalReadModel;

/**
 * {@code /internal/*}: this instance's own partitions, for its peers' {@code ClusterReadModel}. The same data the
 * public API shows (no secrets), read-only and GET-only like every route; keep {@code web.bind} on a private network.
 */
final class InternalRoutes {
    private final LocalReadModel local;

    InternalRoutes(LocalReadModel local) {
        this.local = local;
    }

    void matchCounts(HttpExchange ex) throws IOException {
        HttpExchanges.json(ex, 200, local.matchCountsByPartition());
    }

    void recentArticles(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpExchanges.query(ex);
        HttpExchanges.json(ex, 200, local.recentArticles(ApiRoutes.recommendationParam(q.get("recommendation")),
                ApiRoutes.languageParam(q.get("language")), ApiRoutes.limitParam(q.get("limit"))));
    }
}
