package org.agendamonitor.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synthetic news outlets on a loopback {@link HttpServer}: {@code feeds} RSS feeds of {@code itemsPerFeed} distinct
 * items each (EN and ES, on-topic and off-topic headlines drawn with a seeded {@link Random}). Items are released
 * gradually over {@code releaseSpan} of release time, a clock that runs only between {@link #resumeRelease()} and
 * {@link #pauseRelease()} (a test runs it while the app is up, so ingest keeps going across kills however slow the
 * machine is), and every poll lists every item released so far (the way a real feed re-lists its recent items).
 */
final class FeedFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Instant BASE_TIME = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] EN = {
        "US, Mexico and Canada open the USMCA joint review in Washington",
        "USMCA review: rules of origin for autos dominate the talks",
        "Merida Initiative money trains Mexican judges and prosecutors",
        "Bicentennial Framework: security cooperation with Mexico enters a new phase",
        "ATF traces thousands of guns trafficked from Texas to Mexican cartels",
        "Treasury sanctions cartel money laundering network tied to fentanyl",
        "Fentanyl overdose deaths fall as naloxone reaches more pharmacies",
        "Champions League: late goal sends holders through",
        "City council approves new bike lanes downtown",
        "Stock markets close higher on tech earnings"};
    private static final String[] ES = {
        "México, Estados Unidos y Canadá inician la revisión del T-MEC",
        "Revisión del T-MEC: aranceles y reglas de origen en la mesa",
        "La Iniciativa Mérida capacita a jueces y fiscales mexicanos",
        "Tráfico de armas: rastrean miles de armas de Estados Unidos a cárteles",
        "Hacienda congela cuentas por lavado de dinero del narcotráfico",
        "Liga MX: el campeón gana en el último minuto",
        "Nuevo museo abre sus puertas en la capital",
        "El peso cierra estable frente al dólar"};

    private final HttpServer server;
    private final int feeds;
    private final int itemsPerFeed;
    private final Duration releaseSpan;
    private final long seed;
    private long releasedNanos;
    private long resumedAt = -1;
    private final AtomicLong requests = new AtomicLong();
    private final List<Poll> polls = new CopyOnWriteArrayList<>();

    /** One request for a feed: which feed, which User-Agent (each test instance sets its own), when. */
    record Poll(int feed, String agent, long atNanos) {
    }

    FeedFarm(int feeds, int itemsPerFeed, Duration releaseSpan, long seed) throws IOException {
        this.feeds = feeds;
        this.itemsPerFeed = itemsPerFeed;
        this.releaseSpan = releaseSpan;
        this.seed = seed;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/feeds/", this::serve);
        server.start();
    }

    synchronized void resumeRelease() {
        if (resumedAt < 0) {
            resumedAt = System.nanoTime();
        }
    }

    synchronized void pauseRelease() {
        if (resumedAt >= 0) {
            releasedNanos += System.nanoTime() - resumedAt;
            resumedAt = -1;
        }
    }

    /** Items of each feed visible right now. */
    synchronized int released() {
        long elapsed = releasedNanos + (resumedAt < 0 ? 0 : System.nanoTime() - resumedAt);
        double fraction = (double) elapsed / releaseSpan.toNanos();
        return (int) Math.min(itemsPerFeed, Math.floor(fraction * itemsPerFeed));
    }

    boolean fullyReleased() {
        return released() == itemsPerFeed;
    }

    long requests() {
        return requests.get();
    }

    /** Every feed request since {@code nanos} ({@link System#nanoTime()}). */
    List<Poll> pollsSince(long nanos) {
        return polls.stream().filter(p -> p.atNanos() >= nanos).toList();
    }

    int totalItems() {
        return feeds * itemsPerFeed;
    }

    String feedId(int feed) {
        return String.format("crash-%02d", feed);
    }

    String language(int feed) {
        return feed % 3 == 2 ? "es" : "en";
    }

    /** The OPML the app reads: one outline per feed, with id and declared language. */
    void writeOpml(Path file) throws IOException {
        StringBuilder outlines = new StringBuilder();
        for (int f = 0; f < feeds; f++) {
            outlines.append("    <outline id=\"").append(feedId(f)).append("\" text=\"Outlet ").append(f)
                    .append("\" type=\"rss\" language=\"").append(language(f)).append("\" xmlUrl=\"")
                    .append(url(f)).append("\"/>\n");
        }
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>reliability</title></head><body>
                  <outline text="Synthetic">
                %s  </outline>
                </body></opml>
                """.formatted(outlines), StandardCharsets.UTF_8);
    }

    String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + feedId(feed) + ".xml";
    }

    /** The whole feed, every item released: what the ground truth is computed from. */
    byte[] fullFeed(int feed) {
        return rss(feed, itemsPerFeed);
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String name = ex.getRequestURI().getPath().substring("/feeds/".length());
        int feed = -1;
        for (int f = 0; f < feeds; f++) {
            if (name.equals(feedId(f) + ".xml")) {
                feed = f;
            }
        }
        if (feed < 0) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        polls.add(new Poll(feed, ex.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
        byte[] body = rss(feed, released());
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] rss(int feed, int visible) {
        StringBuilder items = new StringBuilder();
        for (int i = visible - 1; i >= 0; i--) { // newest first, like real feeds
            items.append(item(feed, i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Outlet %d</title><link>https://outlet%d.example/</link>
                <description>synthetic</description><language>%s</language>
                %s</channel></rss>
                """.formatted(feed, feed, language(feed), items).getBytes(StandardCharsets.UTF_8);
    }

    private String item(int feed, int i) {
        Random r = new Random(seed * 31 + feed * 100_003L + i);
        String[] pool = language(feed).equals("es") ? ES : EN;
        String title = pool[r.nextInt(pool.length)] + " (" + feed + "-" + i + ")";
        String lede = pool[r.nextInt(pool.length)] + ".";
        Instant published = BASE_TIME.plusSeconds(feed * 10_000L + i * 60L);
        return """
                <item><title>%s</title><link>https://outlet%d.example/news/%d?utm_source=rss</link>
                <guid>outlet%d-%d</guid><pubDate>%s</pubDate><description>%s</description></item>
                """.formatted(title, feed, i, feed, i, RFC_1123.format(published), lede);
    }

    List<Integer> feedNumbers() {
        List<Integer> all = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            all.add(f);
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
