package org.agendamonitor.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.agendamonitor.config.WebSettings;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.stream.AgendaReadModel;
import org.agendamonitor.stream.ClusterReadModel;
import org.agendamonitor.stream.LocalReadModel;
import org.agendamonitor.stream.ReadModelUnavailableException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP server for the dashboard ({@code /}), the JSON API ({@code /api/*}), {@code /metrics} and {@code /health}.
 * Binds to {@code web.bind} (127.0.0.1 by default). Bad parameters get a 400 JSON error, an unready pipeline a 503,
 * and an unexpected failure a 500 JSON error: never a stack trace. {@code /metrics} answers {@code metricsText}, the
 * Prometheus exposition of the app's registry.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int THREADS = 4;
    /** How often the read model is checked for new articles to push to open pages. */
    private static final Duration EVENT_TICK = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventBroadcaster events;

    public WebServer(WebSettings settings, AgendaReadModel model, Map<Recommendation, String> titles,
            Supplier<? extends List<?>> feedStatuses, Supplier<String> metricsText) {
        ApiRoutes api = new ApiRoutes(model, titles, feedStatuses);
        DashboardPage page = new DashboardPage(api);
        events = new EventBroadcaster(model, EVENT_TICK, HEARTBEAT);
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port(), e);
        }
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        route("/api/recommendations", api::recommendations);
        route("/api/articles", api::articles);
        route("/api/feeds", api::feeds);
        route("/api/alerts", api::alerts);
        route("/api/stories/", api::story);
        route("/api/events", events::subscribe);
        route("/health", api::health);
        route("/metrics", ex -> HttpExchanges.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                metricsText.get().getBytes(StandardCharsets.UTF_8)));
        route("/static/", WebServer::staticFile);
        route("/alerts", ex -> html(ex, () -> PageLayout.shell(PageLayout.Page.ALERTS, "/api/alerts",
                "Loading alerts…")));
        route("/feeds", ex -> html(ex, () -> PageLayout.shell(PageLayout.Page.FEEDS, "/api/feeds",
                "Loading feeds…")));
        route("/", ex -> html(ex, () -> page.render(DashboardQuery.from(HttpExchanges.query(ex)), model.ready(),
                model.state())));
    }

    /** Answers an HTML page, or 404 when the path only shares the page's prefix ("/feeds/x", "/nope"). */
    private static void html(HttpExchange ex, Supplier<String> page) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!path.equals(ex.getHttpContext().getPath())) {
            HttpExchanges.error(ex, 404, "no such page: " + path);
            return;
        }
        HttpExchanges.send(ex, 200, "text/html; charset=utf-8", page.get().getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code /internal/*}, the local view peers read when several instances share the work. */
    public WebServer withInternalRoutes(LocalReadModel local) {
        InternalRoutes internal = new InternalRoutes(local);
        route(ClusterReadModel.COUNTS_PATH, internal::matchCounts);
        route(ClusterReadModel.RECENT_PATH, internal::recentArticles);
        return this;
    }

    public WebServer start() {
        server.start();
        events.start();
        LOG.info("web server listening address={}", url());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void route(String path, Handler handler) {
        server.createContext(path, ex -> {
            try {
                if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                    HttpExchanges.error(ex, 405, "only GET is supported");
                } else {
                    handler.handle(ex);
                }
            } catch (BadRequestException e) {
                HttpExchanges.error(ex, 400, e.getMessage());
            } catch (InvalidStateStoreException e) {
                // A rebalance is moving state between threads or instances: the answer is "soon", not an error.
                HttpExchanges.error(ex, 503, "state is being rebalanced, retry shortly: " + e.getMessage());
            } catch (ReadModelUnavailableException e) {
                HttpExchanges.error(ex, 503, "not ready: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("request failed path={} error={}", ex.getRequestURI().getPath(), e.toString(), e);
                HttpExchanges.error(ex, 500, "internal error");
            }
        });
    }

    private static void staticFile(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/static/".length());
        if (!name.matches("[a-z0-9-]+\\.(css|js|svg)")) {
            HttpExchanges.error(ex, 404, "no such file");
            return;
        }
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                HttpExchanges.error(ex, 404, "no such file");
                return;
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml";
            HttpExchanges.send(ex, 200, type, in.readAllBytes());
        }
    }
}
