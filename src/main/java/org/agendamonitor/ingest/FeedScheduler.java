package org.agendamonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed on its own schedule ({@link PollPlanner}) and hands new articles to the {@link ArticleSink}.
 * A ticker thread finds due feeds and starts them on a bounded pool of {@code concurrency} workers (no thread per
 * feed), never more than {@code perHostConcurrency} at once per host. One feed's failure never touches another's.
 * When the sink throws (Kafka down) the poll counts as failed and the feed's validators are not advanced, so the same
 * items are fetched and offered again next time: nothing is lost.
 */
public final class FeedScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final List<FeedState> feeds;
    private final IngestSettings settings;
    private final ArticleSink sink;
    private final AgendaMetrics metrics;
    private final Clock clock;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final PollPlanner planner;
    private final DoubleSupplier random;
    private final Map<String, Semaphore> hostPermits = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService ticker;
    private volatile Predicate<FeedSource> owned = feed -> true;

    public FeedScheduler(List<FeedSource> feeds, IngestSettings settings, ArticleSink sink, AgendaMetrics metrics,
            Clock clock) {
        this(feeds, settings, sink, metrics, clock, new FeedFetcher(settings, clock), new FeedParser(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    FeedScheduler(List<FeedSource> feeds, IngestSettings settings, ArticleSink sink, AgendaMetrics metrics,
            Clock clock, FeedFetcher fetcher, FeedParser parser, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.random = Objects.requireNonNull(random, "random");
        if (settings.concurrency() < 1 || settings.perHostConcurrency() < 1) {
            throw new IllegalArgumentException("concurrency and per-host concurrency must be >= 1, got "
                    + settings.concurrency() + " and " + settings.perHostConcurrency());
        }
        this.planner = new PollPlanner(settings);
        Instant now = clock.instant();
        this.feeds = feeds.stream().map(f -> new FeedState(f, now.plus(planner.firstDelay(f, random.getAsDouble()))))
                .toList();
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), FeedFiles.daemon("feed-fetch"));
        this.workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor tick = new ScheduledThreadPoolExecutor(1, FeedFiles.daemon("feed-scheduler"));
        tick.setRemoveOnCancelPolicy(true);
        this.ticker = tick;
    }

    /**
     * Polls only the feeds {@code owner} accepts at the moment a poll is due (asked before every poll); the others
     * wait. Several instances sharing the feed list use it so that no feed is polled by two of them.
     */
    public void restrictTo(Predicate<FeedSource> owner) {
        this.owned = Objects.requireNonNull(owner, "owner");
    }

    /**
     * Starts polling in the background; the first polls are spread over the first moments (jitter). Does nothing
     * when {@code ingest.enabled=false} (an instance that only processes what others ingest).
     */
    public void start() {
        if (!settings.enabled()) {
            LOG.info("feed scheduler disabled by ingest.enabled=false feeds={}", feeds.size());
            return;
        }
        ticker.scheduleWithFixedDelay(this::dispatchDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("feed scheduler started feeds={} concurrency={} per_host_concurrency={}", feeds.size(),
                settings.concurrency(), settings.perHostConcurrency());
    }

    /** Makes every feed due now and starts as many polls as the limits allow (the rest follow as slots free up). */
    public void pollAllNow() {
        Instant now = clock.instant();
        feeds.forEach(f -> f.pollNow(now));
        dispatchDue();
    }

    public List<FeedStatus> statuses() {
        return feeds.stream().map(FeedState::status).toList();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("feed workers still busy after close wait_ms={}", CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        for (FeedState state : feeds) {
            if (!owned.test(state.feed)) {
                continue;
            }
            Semaphore permits = hostPermits.computeIfAbsent(host(state.feed),
                    h -> new Semaphore(settings.perHostConcurrency()));
            if (!permits.tryAcquire()) {
                continue;
            }
            if (!state.claimIfDue(now)) {
                permits.release();
                continue;
            }
            try {
                workers.execute(() -> pollAndRelease(state, permits));
            } catch (RejectedExecutionException e) {
                permits.release(); // closing: the feed stays claimed, nothing more will run
                return;
            }
        }
    }

    private void pollAndRelease(FeedState state, Semaphore permits) {
        Instant started = clock.instant();
        try {
            Attempt attempt = poll(state, started);
            record(state, attempt, started);
        } catch (RuntimeException e) {
            // A bug, not the feed's fault: record it so the feed is released and retried with back-off, never lost.
            LOG.warn("feed poll crashed feed_id={} error=\"{}\"", state.feed.id(), e, e);
            record(state, new Attempt(FetchOutcome.INTERNAL_ERROR, e.toString(), null, 0, null), started);
        } finally {
            permits.release();
        }
        if (!workers.isShutdown()) {
            dispatchDue(); // a freed host slot may let a waiting feed of the same host start without a tick's delay
        }
    }

    /** What one poll came to: the outcome after fetch, parse and hand-over, and what the next plan needs. */
    private record Attempt(FetchOutcome outcome, String error, Integer ttlMinutes, int items, FetchResult fetched) {
    }

    private Attempt poll(FeedState state, Instant started) {
        FeedSource feed = state.feed;
        FetchResult fetched = fetcher.fetch(feed.url(), state.validators());
        if (fetched.outcome() != FetchOutcome.OK) {
            return new Attempt(fetched.outcome(), fetched.detail(), null, 0, fetched);
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(fetched.body(), fetched.contentType(), feed, started);
        } catch (FeedRejectedException e) {
            return new Attempt(e.outcome(), e.getMessage(), null, 0, fetched);
        }
        parsed.skippedByReason().forEach((reason, n) -> metrics.itemsSkipped(feed.id(), reason, n));
        try {
            publishNew(state, parsed.articles());
        } catch (RuntimeException e) {
            // Kafka down or any sink failure: the validators are not advanced, so these items come again.
            return new Attempt(FetchOutcome.SINK_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    parsed.ttlMinutes(), parsed.articles().size(), fetched);
        }
        return new Attempt(FetchOutcome.OK, "", parsed.ttlMinutes(), parsed.articles().size(), fetched);
    }

    private void record(FeedState state, Attempt attempt, Instant started) {
        FeedSource feed = state.feed;
        FetchOutcome outcome = attempt.outcome();
        FetchResult fetched = attempt.fetched();
        Instant now = clock.instant();
        metrics.feedFetched(feed.id(), outcome.id(), Duration.between(started, now));
        if (outcome.isSuccess()) {
            Instant next = now.plus(planner.afterSuccess(feed, attempt.ttlMinutes(), fetched.freshFor(),
                    random.getAsDouble()));
            state.succeeded(outcome, fetched.validators(), attempt.items(), now, next);
            metrics.feedSucceeded(feed.id(), now);
            LOG.debug("feed polled feed_id={} outcome={} items={} next_poll={}", feed.id(), outcome.id(),
                    attempt.items(), next);
        } else {
            int failures = state.consecutiveFailures() + 1;
            Duration retryAfter = fetched == null ? null : fetched.retryAfter();
            Instant next = now.plus(planner.afterFailure(feed, failures, retryAfter, random.getAsDouble()));
            state.failed(outcome, attempt.error(), next);
            LOG.warn("feed poll failed feed_id={} outcome={} consecutive_failures={} next_poll={} error=\"{}\"",
                    feed.id(), outcome.id(), failures, next, attempt.error());
        }
    }

    private void publishNew(FeedState state, List<Article> articles) {
        List<Article> fresh = new ArrayList<>();
        for (Article a : articles) {
            if (!state.wasSent(a.id())) {
                fresh.add(a);
            }
        }
        if (!fresh.isEmpty()) {
            sink.publish(state.feed, fresh);
            state.markSent(fresh.stream().map(Article::id).toList());
        }
    }

    private static String host(FeedSource feed) {
        String host = feed.url().getHost();
        return host == null ? feed.url().getScheme() + ":" : host.toLowerCase(Locale.ROOT);
    }
}
