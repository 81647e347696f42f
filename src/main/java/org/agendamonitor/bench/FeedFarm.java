package org.agendamonitor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.model.Article;

/**
 * {@code feeds} RSS feeds served over loopback by JDK {@link HttpServer}s, spread over {@code hosts} addresses
 * 127.0.0.1, 127.0.0.2, ... (all loopback on Linux), because real feed lists span many hosts and the scheduler caps
 * requests per host. Feed {@code i} lives on host {@code i % hosts} and answers by its {@link #kind}: 0 slowly (after
 * {@code slow}), 1–3 with 304, 4–5 with a gzip body, the rest with a plain 200: 5% slow, 15% not modified, 10% gzip,
 * 70% plain, in the same mix on every host. Bodies are 20-item RSS
 * documents from the {@link ArticleGenerator}, rendered once (40 variants) so serving costs no CPU.
 */
final class FeedFarm implements AutoCloseable {
    private static final int VARIANTS = 40;
    private static final int ITEMS = 20;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "bench-feed-server");
        t.setDaemon(true);
        return t;
    });
    private final List<byte[]> plain = new ArrayList<>();
    private final List<byte[]> gzipped = new ArrayList<>();
    private final Duration slow;

    FeedFarm(int hosts, Duration slow) throws IOException {
        this.slow = slow;
        executor.prestartAllCoreThreads(); // the farm's threads exist before the scheduler's are counted
        ArticleGenerator generator = ArticleGenerator.withDefaults();
        for (int v = 0; v < VARIANTS; v++) {
            byte[] body = rss(generator, v).getBytes(StandardCharsets.UTF_8);
            plain.add(body);
            gzipped.add(gzip(body));
        }
        for (int h = 1; h <= hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + h, 0), 64);
            server.createContext("/feed/", this::handle);
            server.setExecutor(executor);
            server.start();
            servers.add(server);
        }
    }

    /** The feed list: feed {@code i} lives on host {@code i % hosts}. */
    List<FeedSource> feeds(int count) {
        List<FeedSource> feeds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InetSocketAddress address = servers.get(i % servers.size()).getAddress();
            URI url = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/feed/" + i);
            feeds.add(new FeedSource(String.format(java.util.Locale.ROOT, "bench-%04d", i), "Bench feed " + i, url,
                    "bench", null, null));
        }
        return feeds;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int feed = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            int kind = kind(feed, servers.size());
            if (kind == 0) {
                Thread.sleep(slow.toMillis());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().set("ETag", "\"v" + feed + "\"");
            if (kind >= 1 && kind <= 3) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            boolean gzip = kind == 4 || kind == 5;
            byte[] body = (gzip ? gzipped : plain).get(feed % VARIANTS);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NumberFormatException e) {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /**
     * What feed {@code i} does, counted along its host's feeds: {@code i % 20} would put every slow feed on one host
     * (whenever the host count divides 20), and the per-host cap would then queue them all behind each other.
     */
    static int kind(int feed, int hosts) {
        return (feed / hosts) % 20;
    }

    private static String rss(ArticleGenerator generator, int variant) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Bench feed " + variant + "</title><link>https://bench.example/</link><description>bench"
                + "</description>\n");
        for (int i = 0; i < ITEMS; i++) {
            Article a = generator.article(variant * 1000L + i, Instant.parse("2026-02-01T12:00:00Z"));
            xml.append("<item><title>").append(escape(a.title())).append("</title><link>").append(escape(a.url()))
                    .append("</link><guid>").append(escape(a.url())).append("</guid><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            a.publishedAt().atZone(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(escape(a.summary())).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
