package org.agendamonitor.ingest;

import org.agendamonitor.MutableClock;
import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.bytes;
import static org.agendamonitor.ingest.TestServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedSchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock(FETCHED_AT);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Article> published = new CopyOnWriteArrayList<>();
    private TestServer server;
    private FeedScheduler scheduler;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.close();
        }
        server.close();
    }

    private static IngestSettings settings(int concurrency, int perHost) {
        return Fixtures.settings(Duration.ofSeconds(5), 1024 * 1024, concurrency, perHost);
    }

    private FeedScheduler scheduler(List<FeedSource> feeds, IngestSettings settings, ArticleSink sink) {
        scheduler = new FeedScheduler(feeds, settings, sink, new AgendaMetrics(registry), clock,
                new FeedFetcher(settings, clock), new FeedParser(), () -> 0.0);
        return scheduler;
    }

    private static FeedSource feed(String id, URI url) {
        return new FeedSource(id, id, url, "test", null, null);
    }

    private void pollAllAndAwaitOk() {
        scheduler.pollAllNow();
        await().atMost(WAIT).until(() -> scheduler.statuses().stream().allMatch(s -> "ok".equals(s.lastOutcome())));
    }

    private FeedStatus pollAndAwait(Predicate<FeedStatus> done) {
        scheduler.pollAllNow();
        await().atMost(WAIT).until(() -> done.test(scheduler.statuses().get(0)));
        return scheduler.statuses().get(0);
    }

    @Test
    void shouldBackOffOnFailuresUpToTheCapAndResetOnSuccess() {
        AtomicInteger failuresLeft = new AtomicInteger(4);
        server.route("/feed", ex -> {
            if (failuresLeft.getAndDecrement() > 0) {
                send(ex, 500, null, new byte[0]);
            } else {
                send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml"));
            }
        });
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));

        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int failures = i;
            FeedStatus s = pollAndAwait(st -> st.consecutiveFailures() == failures);
            delays.add(Duration.between(clock.instant(), s.nextPoll()));
            assertThat(s.lastOutcome()).isEqualTo("http_5xx");
            assertThat(s.lastError()).isEqualTo("HTTP 500");
        }
        FeedStatus ok = pollAndAwait(st -> "ok".equals(st.lastOutcome()));

        assertThat(delays).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60),
                Duration.ofMinutes(120));
        assertThat(ok.consecutiveFailures()).isZero();
        assertThat(ok.lastSuccess()).isEqualTo(clock.instant());
        // the feed's <ttl>45</ttl> lengthens the 15-minute interval
        assertThat(Duration.between(clock.instant(), ok.nextPoll())).isEqualTo(Duration.ofMinutes(45));
        assertThat(ok.itemsSeen()).isEqualTo(2);
        assertThat(published).hasSize(2);
        assertThat(registry.get(AgendaMetrics.FEED_FETCH).tag("outcome", "http_5xx").counter().count()).isEqualTo(4);
    }

    @Test
    void shouldPollDueFeedsOnItsOwnOnceStarted() {
        server.route("/feed", ex -> send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml")));
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));

        scheduler.start();

        await().atMost(WAIT).until(() -> published.size() == 2);
        assertThat(scheduler.statuses().get(0).lastOutcome()).isEqualTo("ok");
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSays() {
        server.route("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            send(ex, 429, null, new byte[0]);
        });
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));

        FeedStatus s = pollAndAwait(st -> st.lastOutcome() != null);

        assertThat(s.lastOutcome()).isEqualTo("rate_limited");
        assertThat(s.nextPoll()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void shouldKeepItemsForNextTimeWhenTheSinkFails() {
        server.route("/feed", TestServer.conditional("\"v1\"", "application/rss+xml", bytes("rss2-basic.xml")));
        AtomicInteger calls = new AtomicInteger();
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, articles) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("broker unavailable");
            }
            published.addAll(articles);
        });

        FeedStatus failed = pollAndAwait(st -> st.lastOutcome() != null);
        FeedStatus retried = pollAndAwait(st -> "ok".equals(st.lastOutcome()));
        FeedStatus unchanged = pollAndAwait(st -> "not_modified".equals(st.lastOutcome()));

        assertThat(failed.lastOutcome()).isEqualTo("sink_error");
        assertThat(failed.lastError()).contains("broker unavailable");
        assertThat(server.requests.get(1).getFirst("If-None-Match")).isNull();
        assertThat(published).extracting(Article::title).hasSize(2);
        assertThat(server.requests.get(2).getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(unchanged.consecutiveFailures()).isZero();
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldNotPublishTheSameArticleTwiceWhenAFeedIsPolledAgain() {
        server.route("/feed", ex -> send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml")));
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));

        pollAndAwait(st -> st.lastSuccess() != null);
        clock.advance(Duration.ofMinutes(1));
        pollAndAwait(st -> clock.instant().equals(st.lastSuccess()));

        assertThat(server.requests).hasSize(2);
        assertThat(published).hasSize(2);
    }

    @Test
    void shouldRecordAPageThatIsNotAFeed() {
        server.route("/feed", ex -> send(ex, 200, "text/html", bytes("html-not-a-feed.html")));
        scheduler(List.of(feed("home", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));

        FeedStatus s = pollAndAwait(st -> st.lastOutcome() != null);

        assertThat(s.lastOutcome()).isEqualTo("not_a_feed");
        assertThat(registry.get(AgendaMetrics.FEED_FETCH).tag("feed", "home").tag("outcome", "not_a_feed")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void shouldRespectThePerHostAndTotalConcurrencyLimits() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<String> hostsSeen = new CopyOnWriteArrayList<>();
        server.route("/feed", ex -> {
            hostsSeen.add(ex.getRequestHeaders().getFirst("Host"));
            slowFeed(inFlight, maxInFlight).handle(ex);
        });
        List<FeedSource> feeds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            feeds.add(feed("a" + i, URI.create(server.uri("/feed") + "?n=" + i)));
        }
        scheduler(feeds, settings(8, 2), (f, a) -> published.addAll(a));

        pollAllAndAwaitOk();

        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(hostsSeen).hasSize(6);
    }

    @Test
    void shouldCapTotalConcurrencyAcrossHosts() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.route("/feed", slowFeed(inFlight, maxInFlight));
        List<FeedSource> feeds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            feeds.add(feed("ip" + i, URI.create(server.uri("/feed") + "?n=" + i)));
            feeds.add(feed("name" + i, URI.create(server.uri("/feed").toString().replace("127.0.0.1", "localhost")
                    + "?n=" + i)));
        }
        scheduler(feeds, settings(3, 2), (f, a) -> published.addAll(a));

        pollAllAndAwaitOk();

        assertThat(maxInFlight.get()).isEqualTo(3);
    }

    /** A feed that takes 150 ms to answer and records how many requests overlapped at most. */
    private static TestServer.Route slowFeed(AtomicInteger inFlight, AtomicInteger maxInFlight) {
        return ex -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(150);
            inFlight.decrementAndGet();
            send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml"));
        };
    }

    @Test
    void shouldCloseQuicklyWhileAFetchIsInFlight() {
        server.route("/slow", ex -> Thread.sleep(20_000));
        scheduler(List.of(feed("slow", server.uri("/slow"))), settings(2, 2), (f, a) -> published.addAll(a));
        scheduler.start();
        scheduler.pollAllNow();
        await().atMost(WAIT).until(() -> !server.requests.isEmpty());

        long started = System.nanoTime();
        scheduler.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void shouldSerializeStatusesForTheApi() throws Exception {
        server.route("/feed", ex -> send(ex, 200, "application/rss+xml", bytes("rss2-basic.xml")));
        scheduler(List.of(feed("wire", server.uri("/feed"))), settings(2, 2), (f, a) -> published.addAll(a));
        pollAndAwait(st -> st.lastOutcome() != null);

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(scheduler.statuses()));

        assertThat(json.get(0).get("feedId").asText()).isEqualTo("wire");
        assertThat(json.get(0).get("lastOutcome").asText()).isEqualTo("ok");
        assertThat(json.get(0).get("lastSuccess").asText()).isEqualTo(FETCHED_AT.toString());
        assertThat(json.get(0).get("nextPoll").asText()).isEqualTo(FETCHED_AT.plus(Duration.ofMinutes(45)).toString());
        assertThat(json.get(0).has("consecutiveFailures")).isTrue();
    }
}
