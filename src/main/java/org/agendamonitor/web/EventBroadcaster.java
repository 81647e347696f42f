package org.agendamonitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.stream.AgendaReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events at {@code /api/events} (WHATWG HTML, "Server-sent events"). Every tick it reads the newest
 * articles from the read model and pushes those it has not seen before as {@code event: articles} with a JSON array
 * (API shape, newest first); every heartbeat interval it sends {@code event: heartbeat} so the page can show that it
 * is live and a dead connection is noticed. A client that misses events (reconnect, late subscribe) catches up by
 * fetching {@code /api/articles} when its connection opens, so nothing here needs a replay buffer.
 */
final class EventBroadcaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);
    /** A connection holds a socket, never a thread; the cap keeps a misbehaving tab from taking all sockets. */
    static final int MAX_CLIENTS = 64;
    private static final int WINDOW = 200;
    private static final int REMEMBERED = 4 * WINDOW;

    private final AgendaReadModel model;
    private final Duration tick;
    private final long ticksPerHeartbeat;
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-events");
        t.setDaemon(true);
        return t;
    });
    /** Only touched on the scheduler thread. */
    private final Set<String> seen = new LinkedHashSet<>();
    private boolean primed;
    private long ticks;

    EventBroadcaster(AgendaReadModel model, Duration tick, Duration heartbeat) {
        this.model = Objects.requireNonNull(model, "model");
        if (tick.isNegative() || tick.isZero() || heartbeat.compareTo(tick) < 0) {
            throw new IllegalArgumentException("need 0 < tick <= heartbeat, got " + tick + " and " + heartbeat);
        }
        this.tick = tick;
        this.ticksPerHeartbeat = Math.max(1, heartbeat.toMillis() / tick.toMillis());
    }

    /**
     * Runs the first tick on the caller's thread, so articles that exist when the server starts are known before any
     * client connects (they are not news); submitting the schedule afterwards hands {@code seen} over safely.
     */
    void start() {
        tick();
        scheduler.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    void subscribe(HttpExchange ex) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            HttpExchanges.error(ex, 503, "too many live connections");
            return;
        }
        HttpExchanges.headers(ex, "text/event-stream; charset=utf-8");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        // The first write happens before the stream is shared, so only the scheduler thread writes after it.
        if (write(out, "retry: 3000\nevent: hello\ndata: {}\n\n")) {
            clients.add(out);
        }
    }

    int clientCount() {
        return clients.size();
    }

    private void tick() {
        try {
            if (model.ready()) {
                List<MatchedArticle> fresh = fresh(model.recentArticles(null, null, WINDOW));
                if (!fresh.isEmpty()) {
                    broadcast("articles", Json.MAPPER.writeValueAsString(fresh));
                }
            }
            if (++ticks % ticksPerHeartbeat == 0) {
                broadcast("heartbeat", "\"" + Instant.now() + "\"");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // An exception escaping a scheduled task cancels all later runs: log and try again next tick.
            LOG.warn("live update failed error={}", e.toString());
        }
    }

    /** Articles not seen on an earlier tick, newest first; the very first tick only learns what exists. */
    private List<MatchedArticle> fresh(List<MatchedArticle> recent) {
        List<MatchedArticle> fresh = new ArrayList<>();
        for (MatchedArticle a : recent) {
            if (!seen.contains(a.id())) {
                fresh.add(a);
            }
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            seen.add(fresh.get(i).id());
        }
        for (Iterator<String> it = seen.iterator(); seen.size() > REMEMBERED; ) {
            it.next();
            it.remove();
        }
        if (!primed) {
            primed = true;
            return List.of();
        }
        return fresh;
    }

    private void broadcast(String event, String json) {
        String message = "event: " + event + "\ndata: " + json + "\n\n";
        for (OutputStream out : clients) {
            if (!write(out, message)) {
                clients.remove(out);
            }
        }
    }

    private static boolean write(OutputStream out, String message) {
        try {
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            closeQuietly(out);
            return false;
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing a live connection failed error={}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        clients.forEach(EventBroadcaster::closeQuietly);
        clients.clear();
    }
}
