package org.agendamonitor.ingest;

import org.agendamonitor.MutableClock;
import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.bytes;
import static org.agendamonitor.ingest.TestServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.agendamonitor.config.IngestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedFetcherTest {
    static final long LIMIT = 1024 * 1024;
    private final MutableClock clock = new MutableClock(FETCHED_AT);
    private TestServer server;
    private FeedFetcher fetcher;
    /** For the timeout cases only; the rest get a generous deadline so a busy machine cannot make them time out. */
    private final FeedFetcher impatient = new FeedFetcher(settings(Duration.ofMillis(700), LIMIT),
            java.time.Clock.systemUTC());

    static IngestSettings settings(Duration requestTimeout, long maxBody) {
        return Fixtures.settings(requestTimeout, maxBody, 4, 2);
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        fetcher = new FeedFetcher(settings(Duration.ofSeconds(10), LIMIT), java.time.Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldFetchAndThenRevalidateWithTheStoredValidators() {
        server.route("/feed", TestServer.conditional("\"v1\"", "application/rss+xml; charset=utf-8",
                bytes("rss2-basic.xml")));

        FetchResult first = fetcher.fetch(server.uri("/feed"), Validators.NONE);
        FetchResult second = fetcher.fetch(server.uri("/feed"), first.validators());

        assertThat(first.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(first.body()).isEqualTo(bytes("rss2-basic.xml"));
        assertThat(first.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Tue, 05 Mar 2024 14:30:00 GMT"));
        assertThat(second.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(second.body()).isNull();
        assertThat(server.requests.get(1).getFirst("If-Modified-Since")).isEqualTo("Tue, 05 Mar 2024 14:30:00 GMT");
    }

    @Test
    void shouldSendADescriptiveUserAgentAndAcceptCompression() {
        server.route("/feed", ex -> send(ex, 200, "text/xml", bytes("rss2-basic.xml")));

        fetcher.fetch(server.uri("/feed"), Validators.NONE);

        assertThat(server.requests.get(0).getFirst("User-Agent")).startsWith("AgendaMonitorTest/1.0");
        assertThat(server.requests.get(0).getFirst("Accept-Encoding")).contains("gzip", "deflate");
        assertThat(server.requests.get(0).getFirst("Accept")).contains("application/rss+xml");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 401})
    void shouldReportClientErrors(int status) {
        server.route("/feed", ex -> send(ex, status, null, new byte[0]));

        FetchResult result = fetcher.fetch(server.uri("/feed"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.HTTP_4XX);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.detail()).isEqualTo("HTTP " + status);
    }

    @Test
    void shouldHonourRetryAfterSecondsOnTooManyRequests() {
        server.route("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            send(ex, 429, null, new byte[0]);
        });

        FetchResult result = fetcher.fetch(server.uri("/feed"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.RATE_LIMITED);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void shouldHonourRetryAfterAsAnHttpDateOnServiceUnavailable() {
        FeedFetcher fixedClock = new FeedFetcher(settings(Duration.ofSeconds(2), LIMIT), clock);
        String inTwoHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                FETCHED_AT.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
        server.route("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", inTwoHours);
            send(ex, 503, null, new byte[0]);
        });

        FetchResult result = fixedClock.fetch(server.uri("/feed"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.HTTP_5XX);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldTimeOutWhenTheServerDoesNotAnswer() {
        server.route("/slow", ex -> Thread.sleep(5_000));

        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> impatient.fetch(server.uri("/slow"), Validators.NONE));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
    }

    @Test
    void shouldTimeOutWhenTheBodyTricklesPastTheDeadline() {
        server.route("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 50; i++) {
                out.write("<rss>".getBytes());
                out.flush();
                Thread.sleep(100);
            }
        });

        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> impatient.fetch(server.uri("/trickle"), Validators.NONE));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
    }

    @Test
    void shouldStopAGzipBombEarly() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                gzip.write(zeros);
            }
        }
        byte[] bomb = compressed.toByteArray();
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "application/rss+xml", bomb);
        });

        FetchResult result = fetcher.fetch(server.uri("/bomb"), Validators.NONE);

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.detail()).contains("decompressed");
    }

    @Test
    void shouldTrustTheGzipMagicBytesOverTheHeader() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes("rss2-basic.xml"));
        }
        server.route("/unlabelled", ex -> send(ex, 200, "application/rss+xml", compressed.toByteArray()));
        server.route("/already-inflated", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml"));
        });

        assertThat(fetcher.fetch(server.uri("/unlabelled"), Validators.NONE).body())
                .isEqualTo(bytes("rss2-basic.xml"));
        assertThat(fetcher.fetch(server.uri("/already-inflated"), Validators.NONE).body())
                .isEqualTo(bytes("rss2-basic.xml"));
    }

    @Test
    void shouldDecodeDeflateBodies() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(bytes("rss2-basic.xml"));
        }
        server.route("/deflate", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            send(ex, 200, "application/rss+xml", compressed.toByteArray());
        });

        FetchResult result = fetcher.fetch(server.uri("/deflate"), Validators.NONE);

        assertThat(result.body()).isEqualTo(bytes("rss2-basic.xml"));
    }

    @Test
    void shouldRefuseABodyOverTheLimit() {
        byte[] huge = new byte[20 * 1024 * 1024];
        server.route("/huge", ex -> send(ex, 200, "application/rss+xml", huge));

        FetchResult result = fetcher.fetch(server.uri("/huge"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    }

    @Test
    void shouldFollowRedirectsAndReportWhereTheBodyCameFrom() {
        server.route("/old", ex -> redirect(ex, "/new"));
        server.route("/new", ex -> send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml")));

        FetchResult result = fetcher.fetch(server.uri("/old"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(result.finalUrl()).isEqualTo(server.uri("/new"));
    }

    @Test
    void shouldDetectARedirectLoop() {
        server.route("/a", ex -> redirect(ex, "/b"));
        server.route("/b", ex -> redirect(ex, "/a"));

        FetchResult result = fetcher.fetch(server.uri("/a"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.REDIRECT_LOOP);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void shouldStopAfterTheMaximumNumberOfRedirects() {
        for (int i = 0; i < 10; i++) {
            String next = "/r" + (i + 1);
            server.route("/r" + i, ex -> redirect(ex, next));
        }

        FetchResult result = fetcher.fetch(server.uri("/r0"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.REDIRECT_LOOP);
        assertThat(result.detail()).isEqualTo("more than 5 redirects");
        assertThat(server.requests).hasSize(6);
    }

    @Test
    void shouldRefuseARedirectToAFile() {
        server.route("/sneaky", ex -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            send(ex, 302, null, new byte[0]);
        });

        FetchResult result = fetcher.fetch(server.uri("/sneaky"), Validators.NONE);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.UNSUPPORTED_URL);
    }

    @Test
    void shouldReadCacheLifetimeFromMaxAge() {
        server.route("/cached", ex -> {
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=7200");
            ex.getResponseHeaders().set("Expires", "Tue, 05 Mar 2024 14:30:00 GMT");
            send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml"));
        });

        assertThat(fetcher.fetch(server.uri("/cached"), Validators.NONE).freshFor()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldAcceptAFeedServedWithTheWrongContentType() throws Exception {
        server.route("/plain", ex -> send(ex, 200, "text/plain", bytes("rss2-basic.xml")));

        FetchResult result = fetcher.fetch(server.uri("/plain"), Validators.NONE);
        ParsedFeed parsed = new FeedParser().parse(result.body(), result.contentType(), Fixtures.feed("p"), FETCHED_AT);

        assertThat(parsed.articles()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///no-host", "ftp://example.com/feed", "mailto:news@example.com"})
    void shouldRefuseUrlsItCannotFetch(String url) {
        assertThat(fetcher.fetch(URI.create(url), Validators.NONE).outcome()).isEqualTo(FetchOutcome.UNSUPPORTED_URL);
    }

    @Test
    void shouldReportARefusedConnectionAsANetworkFailure() {
        URI closed = server.uri("/feed");
        server.close();

        assertThat(fetcher.fetch(closed, Validators.NONE).outcome()).isEqualTo(FetchOutcome.NETWORK);
    }

    @Test
    void shouldReadFileUrlsUnderTheSameLimitAndSkipUnchangedFiles(@TempDir Path dir) throws IOException {
        Path feed = Files.write(dir.resolve("feed.xml"), bytes("rss2-basic.xml"));
        Path big = Files.write(dir.resolve("big.xml"), new byte[(int) LIMIT + 1]);

        FetchResult first = fetcher.fetch(feed.toUri(), Validators.NONE);
        FetchResult again = fetcher.fetch(feed.toUri(), first.validators());

        assertThat(first.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(first.body()).isEqualTo(bytes("rss2-basic.xml"));
        assertThat(again.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(fetcher.fetch(big.toUri(), Validators.NONE).outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(fetcher.fetch(dir.resolve("missing.xml").toUri(), Validators.NONE).outcome())
                .isEqualTo(FetchOutcome.NETWORK);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        send(ex, 301, null, new byte[0]);
    }
}
