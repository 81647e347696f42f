package org.agendamonitor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.agendamonitor.model.Recommendation;

/**
 * Every application meter, by name, in one place. Names use Micrometer's dotted form; the Prometheus registry adds
 * units and {@code _total} (so {@code agenda.articles.ingested} is scraped as {@code agenda_articles_ingested_total}).
 * Tag values are bounded: feed ids from feeds.opml, recommendation ids, languages, closed outcome sets.
 */
public final class AgendaMetrics {
    public static final String ARTICLES_INGESTED = "agenda.articles.ingested";
    public static final String ARTICLES_DUPLICATE = "agenda.articles.duplicate";
    public static final String ARTICLES_MATCHED = "agenda.articles.matched";
    public static final String ARTICLES_DEADLETTER = "agenda.articles.deadletter";
    public static final String ARTICLES_MATCHED_AHEAD = "agenda.articles.match.ahead";
    public static final String PROGRESS_SCORE = "agenda.progress.score";
    public static final String MOMENTUM_RATIO = "agenda.momentum.ratio";
    public static final String SIGNALS = "agenda.signals";
    public static final String MILESTONE_LAST_SEEN = "agenda.milestone.last.seen.timestamp";
    public static final String ALERTS = "agenda.alerts";
    public static final String ALERT_DELIVERIES = "agenda.alert.deliveries";
    public static final String FEED_FETCH = "agenda.feed.fetch";
    public static final String FEED_FETCH_DURATION = "agenda.feed.fetch.duration";
    public static final String FEED_LAST_SUCCESS = "agenda.feed.last.success.timestamp";
    public static final String FEED_ITEMS_SKIPPED = "agenda.feed.items.skipped";
    public static final String PIPELINE_LATENCY = "agenda.pipeline.latency";
    public static final String STREAMS_RUNNING = "agenda.streams.running";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> feedLastSuccess = new ConcurrentHashMap<>();
    /**
     * A FunctionCounter holds only a weak reference to what it observes (and, unlike Gauge, cannot be told
     * otherwise): without this list a lambda would be collected and the counter would freeze at its last value.
     */
    private final List<Object> observed = new CopyOnWriteArrayList<>();
    /** Recorded for every matched article: registered once rather than looked up by a new builder each time. */
    private final Timer pipelineLatency;
    /** Counted for every article: registered once. */
    private final Counter matchedAhead;
    private final Counter matchedInline;

    public AgendaMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.pipelineLatency = Timer.builder(PIPELINE_LATENCY).description("From fetch to matched article")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.matchedAhead = matchAheadCounter("ahead");
        this.matchedInline = matchAheadCounter("inline");
    }

    private Counter matchAheadCounter(String where) {
        return Counter.builder(ARTICLES_MATCHED_AHEAD)
                .description("Articles matched by the match-ahead workers (ahead) or by the stream thread (inline)")
                .tag("where", where).register(registry);
    }

    /** An article's matches came from the match-ahead workers ({@code true}) or were made by the stream thread. */
    public void matched(boolean ahead) {
        (ahead ? matchedAhead : matchedInline).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void articlesIngested(String feedId, int count) {
        Counter.builder(ARTICLES_INGESTED).description("Articles parsed from feeds and handed to Kafka")
                .tag("feed", feedId).register(registry).increment(count);
    }

    public void itemsSkipped(String feedId, String reason, int count) {
        Counter.builder(FEED_ITEMS_SKIPPED).description("Feed entries skipped (no link, no title, ...)")
                .tag("feed", feedId).tag("reason", reason).register(registry).increment(count);
    }

    public void feedFetched(String feedId, String outcome, Duration took) {
        Counter.builder(FEED_FETCH).description("Feed fetches by outcome")
                .tag("feed", feedId).tag("outcome", outcome).register(registry).increment();
        Timer.builder(FEED_FETCH_DURATION).description("Time to fetch and parse one feed")
                .register(registry).record(took);
    }

    public void feedSucceeded(String feedId, Instant when) {
        feedLastSuccess.computeIfAbsent(feedId, id -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(FEED_LAST_SUCCESS, holder, AtomicLong::get).baseUnit("seconds")
                    .description("Last successful fetch of a feed (unix time)")
                    .tag("feed", id).strongReference(true).register(registry);
            return holder;
        }).set(when.getEpochSecond());
    }

    public void duplicate() {
        Counter.builder(ARTICLES_DUPLICATE).description("Articles dropped as exact duplicates (same article id)")
                .register(registry).increment();
    }

    public void deadLettered() {
        Counter.builder(ARTICLES_DEADLETTER).description("Records sent to agenda.deadletter.v1")
                .register(registry).increment();
    }

    public void pipelineLatency(Duration fetchToMatched) {
        pipelineLatency.record(fetchToMatched);
    }

    /**
     * Matched articles per recommendation and language, read from the topology's count store, so the value is exact
     * under exactly-once and survives restarts (a plain counter would restart at zero and count retries).
     */
    public void matchedCountFrom(Recommendation recommendation, String language, Supplier<Number> count) {
        observed.add(count);
        FunctionCounter.builder(ARTICLES_MATCHED, count, c -> c.get().doubleValue())
                .description("Distinct articles matched to a recommendation")
                .tag("recommendation", recommendation.id()).tag("language", language).register(registry);
    }

    public void progressScoreFrom(Recommendation recommendation, Supplier<Number> score) {
        Gauge.builder(PROGRESS_SCORE, score, s -> s.get().doubleValue()).description("Progress score, 0-100")
                .tag("recommendation", recommendation.id()).strongReference(true).register(registry);
    }

    public void momentumRatioFrom(Recommendation recommendation, Supplier<Number> ratio) {
        Gauge.builder(MOMENTUM_RATIO, ratio, s -> s.get().doubleValue())
                .description("Matched articles in the last 24 h over the daily average of the previous 7 days")
                .tag("recommendation", recommendation.id()).strongReference(true).register(registry);
    }

    public void signalsFrom(Recommendation recommendation, String direction, Supplier<Number> count) {
        observed.add(count);
        FunctionCounter.builder(SIGNALS, count, c -> c.get().doubleValue())
                .description("Direction signals (advance/setback/neutral) seen in matched articles")
                .tag("recommendation", recommendation.id()).tag("direction", direction).register(registry);
    }

    public void milestoneLastSeenFrom(Recommendation recommendation, String milestone, Supplier<Number> epochSeconds) {
        Gauge.builder(MILESTONE_LAST_SEEN, epochSeconds, s -> s.get().doubleValue()).baseUnit("seconds")
                .description("Last time a named milestone was reported (unix time)")
                .tag("recommendation", recommendation.id()).tag("milestone", milestone).strongReference(true)
                .register(registry);
    }

    public void alertsFrom(Recommendation recommendation, Supplier<Number> count) {
        observed.add(count);
        FunctionCounter.builder(ALERTS, count, c -> c.get().doubleValue()).description("Breaking-story alerts raised")
                .tag("recommendation", recommendation.id()).register(registry);
    }

    /** 1 while Kafka Streams is RUNNING, else 0: what Prometheus alerts on when processing stops. */
    public void streamsRunningFrom(java.util.function.BooleanSupplier running) {
        Gauge.builder(STREAMS_RUNNING, running, r -> r.getAsBoolean() ? 1.0 : 0.0)
                .description("1 while the Kafka Streams topology is RUNNING, else 0").strongReference(true)
                .register(registry);
    }

    public void alertDelivered(String sink, String outcome) {
        Counter.builder(ALERT_DELIVERIES).description("Alert deliveries by sink and outcome")
                .tag("sink", sink).tag("outcome", outcome).register(registry).increment();
    }
}
