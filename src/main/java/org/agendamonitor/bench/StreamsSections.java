package org.agendamonitor.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.stream.AgendaTopology;
import org.agendamonitor.stream.PassThroughTopology;
import org.agendamonitor.stream.StreamsPlan;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Sections 1, 2 and 4, which need the broker: the articles are produced once to {@code agenda.articles.raw.v1};
 * a short pass-through run over a separate topic warms the JIT for the Kafka paths both measured runs share; then
 * the pass-through and the production pipeline each drain the same backlog under their own application id (each
 * {@link #RUNS} times, the fastest run counting), and the last pipeline run, still running, takes the steady load of
 * the latency section.
 *
 * <p>Before the measured pipeline run, the production topology also runs over the first part of the backlog under
 * an application id of its own, and stops: on 2 cores the C2 compiler took as much CPU as the stream thread during a
 * cold pipeline run of 100,000 articles (JFR), and a second run of the same articles was 24% faster (sustained)
 * and 42% faster over all. The warm-up's matched articles are not counted in section 2. With {@code --stage-costs}
 * the pipeline then runs again, cut after each stage ({@link StageCosts}).
 */
final class StreamsSections {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final long LATENCY_ITEMS_FROM = 1_000_000_000L;
    /**
     * Measured runs of the pass-through and of the pipeline over the backlog, of which the fastest of each counts.
     * One run's hiccup moved the ratio by a third: on 7 Dec a pass-through read 61,161 records/s at 30 µs per record
     * against 66,000-97,000 at 21-26 in the other runs of the day, and put the pipeline at 27%; the pass-through's
     * second half lasts a second or two. Both get their best of three, so that neither is compared at a bad moment.
     */
    static final int RUNS = 3;
    /** The most articles of the backlog the warm-up run of the pipeline processes. */
    static final int PIPELINE_WARM_UP = 50_000;

    private final AppConfig config;
    private final AgendaSpec agenda;
    private final Benchmark.PipelineFactory pipeline;
    private final ArticleGenerator generator;
    private final BenchOptions options;
    private final PrintWriter progress;

    StreamsSections(AppConfig config, AgendaSpec agenda, Benchmark.PipelineFactory pipeline,
            ArticleGenerator generator, BenchOptions options, PrintWriter progress) {
        this.config = config;
        this.agenda = agenda;
        this.pipeline = pipeline;
        this.generator = generator;
        this.options = options;
        this.progress = progress;
    }

    void run(BenchReport report) throws Exception {
        String bootstrap = config.kafka().clientBootstrap();
        String raw = Topics.ARTICLES_RAW.name();
        int warmUp = Math.max(1_000, Math.min(options.articles() / 5, 20_000));
        try (CorpusProducer producer = new CorpusProducer(config.producerProperties("agenda-bench"))) {
            say("producing %d articles to %s", options.articles(), raw);
            Duration produced = bulkLoad(producer, raw, 0, options.articles());
            bulkLoad(producer, Benchmark.WARM_UP_INPUT, options.articles(), options.articles() + warmUp);
            say("produced in %s; warming up on %d records", BenchReport.seconds(produced), warmUp);
            drain(PassThroughTopology.build(Benchmark.WARM_UP_INPUT, Benchmark.WARM_UP_OUTPUT), "agenda-bench-warmup",
                    Benchmark.WARM_UP_INPUT).streams().close(Duration.ofSeconds(10));

            Fastest<StreamsDrain.Result> passRuns = new Fastest<>();
            for (int run = 1; run <= RUNS; run++) {
                say("1. pass-through, run %d of %d", run, RUNS);
                StreamsDrain.Result one = drain(PassThroughTopology.build(raw, Benchmark.PASS_THROUGH_OUTPUT),
                        "agenda-bench-passthrough-" + run, raw);
                one.streams().close(Duration.ofSeconds(10));
                passRuns.add(one, one.sustainedPerSecond());
            }
            StreamsDrain.Result pass = passRuns.best();
            report.add(1, "1. pass-through (ceiling)     : %s records/s sustained (second half; %s over all %d records"
                            + " in %s, exactly-once, committed; the best of %d runs: %s) | stream threads: %s"
                            + " | cpu per record: %s",
                    BenchReport.thousands(pass.sustainedPerSecond()), BenchReport.thousands(pass.perSecond()),
                    pass.records(), BenchReport.seconds(pass.took()), RUNS, passRuns.listed(),
                    pass.threadTime(), pass.cpu());

            int pipelineWarmUp = Math.min(options.articles() / 4, PIPELINE_WARM_UP);
            try (AgendaMatcher matcher = new AgendaMatcher(agenda)) {
                // one function object for the warm-up and the measured runs: a second method reference would be a
                // second class, and the JIT would throw away what the warm-up compiled for the first (JFR showed
                // the measured run's code deoptimized on class checks and compiled again)
                Function<Article, List<Match>> match = matcher::match;
                say("2. full pipeline, warm-up run over the first %d articles", pipelineWarmUp);
                long matchedBefore = warmUpPipeline(bootstrap, raw, pipelineWarmUp, match);
                Fastest<PipelineRun> runs = new Fastest<>();
                PipelineRun last = null;
                for (int run = 1; run <= RUNS; run++) {
                    say("2. full pipeline, run %d of %d", run, RUNS);
                    // the last run goes under the app's own id and keeps running for the latency section
                    PipelineRun one = pipelineRun(match, raw, run < RUNS ? "agenda-bench-pipeline-" + run : null);
                    long matchedNow = matchedCount(bootstrap);
                    one = one.withMatched(matchedNow - matchedBefore);
                    matchedBefore = matchedNow;
                    runs.add(one, one.result().sustainedPerSecond());
                    if (run < RUNS) {
                        one.close();
                    } else {
                        last = one;
                    }
                }
                PipelineRun best = runs.best();
                try {
                    StreamsDrain.Result full = best.result();
                    report.add(2, "2. full pipeline               : %s articles/s sustained (second half; %s over all %d"
                                    + " articles in %s; %d matched = %s, read_committed; the best of %d runs: %s) ="
                                    + " %.0f%% of pass-through | stream threads: %s | cpu per article: %s | matched"
                                    + " ahead: %s | JIT warmed by a run over %d of them",
                            BenchReport.thousands(full.sustainedPerSecond()), BenchReport.thousands(full.perSecond()),
                            full.records(), BenchReport.seconds(full.took()), best.matched(),
                            CommittedReader.percent(best.matched(), full.records()), RUNS, runs.listed(),
                            100 * full.sustainedPerSecond() / pass.sustainedPerSecond(), full.threadTime(),
                            full.cpu(), best.matchedAhead(), pipelineWarmUp);
                    report.articlesPerSecond(full.sustainedPerSecond());
                    latency(report, bootstrap, producer, last.plan().topology(), last.result().streams());
                } finally {
                    last.close();
                }
                if (options.stageCosts()) {
                    new StageCosts(pipeline, (cut, applicationId) -> drain(cut, applicationId, raw, options.articles()),
                            progress).run(report, matcher, generator, options.articles(), best.result());
                }
            }
        }
    }

    /** One measured run of the production topology over the whole backlog, left running. */
    private PipelineRun pipelineRun(Function<Article, List<Match>> match, String raw, String applicationId)
            throws Exception {
        AgendaMetrics metrics = new AgendaMetrics(MetricsRegistryFactory.prometheus());
        StreamsPlan plan = pipeline.build(match, metrics, AgendaTopology.Stage.ALL);
        StreamsDrain.Result result = drain(plan, applicationId, raw, Long.MAX_VALUE);
        // the counter is read now: the latency load after the last run would add to it
        return new PipelineRun(plan, result, matchedAhead(metrics), 0);
    }

    /** The fastest of a section's runs, and each run's rate as the report lists them. */
    private static final class Fastest<T> {
        private final List<String> rates = new ArrayList<>();
        private T best;
        private double bestPerSecond;

        void add(T run, double perSecond) {
            rates.add(BenchReport.thousands(perSecond));
            if (best == null || perSecond > bestPerSecond) {
                best = run;
                bestPerSecond = perSecond;
            }
        }

        T best() {
            return best;
        }

        String listed() {
            return String.join(" / ", rates);
        }
    }

    /** A measured pipeline run: its streams (still running until closed), and what it matched. */
    private record PipelineRun(StreamsPlan plan, StreamsDrain.Result result, String matchedAhead, long matched)
            implements AutoCloseable {
        PipelineRun withMatched(long count) {
            return new PipelineRun(plan, result, matchedAhead, count);
        }

        @Override
        public void close() throws Exception {
            result.streams().close(Duration.ofSeconds(15));
            plan.close();
        }
    }

    /**
     * The production topology over the first {@code articles} of the backlog under its own application id, then
     * closed; returns how many matched articles it committed (they share the matched topic with section 2).
     */
    private long warmUpPipeline(String bootstrap, String raw, int articles, Function<Article, List<Match>> match)
            throws Exception {
        try (StreamsPlan plan = pipeline.build(match, new AgendaMetrics(MetricsRegistryFactory.prometheus()),
                AgendaTopology.Stage.ALL)) {
            drain(plan, "agenda-bench-pipeline-warmup", raw, articles).streams().close(Duration.ofSeconds(15));
        }
        return matchedCount(bootstrap);
    }

    /** The share of the articles whose matches the match-ahead workers made ("off" when there are none). */
    private static String matchedAhead(AgendaMetrics metrics) {
        double ahead = metrics.registry().counter(AgendaMetrics.ARTICLES_MATCHED_AHEAD, "where", "ahead").count();
        double inline = metrics.registry().counter(AgendaMetrics.ARTICLES_MATCHED_AHEAD, "where", "inline").count();
        return ahead == 0 && inline == 0 ? "off" : String.format(java.util.Locale.ROOT, "%.0f%%",
                100 * ahead / (ahead + inline));
    }

    private static long matchedCount(String bootstrap) {
        try (CommittedReader reader = new CommittedReader(bootstrap, Topics.ARTICLES_MATCHED.name(), false)) {
            return reader.countUntilQuiet(Duration.ofMillis(500));
        }
    }

    private void latency(BenchReport report, String bootstrap, CorpusProducer producer, Topology topology,
            KafkaStreams streams) throws InterruptedException {
        say("4. latency: %d articles/s for %d s (+%d s warm-up)", options.rate(), options.latency().toSeconds(),
                options.warmUp().toSeconds());
        // The breaking story goes first: the steady load is live news (fetched now), whose volume spike raises
        // alerts of its own and then holds each recommendation in its cool-down, which would silence the probe.
        String alert = "n/a (alert stage not present)";
        if (topology.describe().toString().contains(Topics.ALERTS.name())) {
            long millis = AlertProbe.run(bootstrap, producer, Duration.ofSeconds(30));
            alert = millis < 0 ? "no alert within 30 s" : millis + " ms";
        }
        LatencySamples samples = LatencyProbe.run(bootstrap, producer, generator, LATENCY_ITEMS_FROM, options.rate(),
                options.latency(), options.warmUp());
        report.add(4, "4. latency @%d articles/s, %d s: produce-to-matched %s | fetch-to-alert (breaking story): %s"
                        + " | stream threads, last minute: %s", options.rate(), options.latency().toSeconds(),
                samples.summary(), alert, SlowestSteps.of(streams.metrics()));
    }

    /** The backlog's load, before any topology runs: a failure here leaves nothing behind but the broker. */
    private Duration bulkLoad(CorpusProducer producer, String topic, long from, long to) {
        try {
            return producer.produce(topic, generator, from, to);
        } catch (CorpusProducer.NotWritten e) {
            throw new BulkLoadFailed(topic, e);
        }
    }

    /** Loading the backlog into {@code topic} failed before any measurement began. */
    static final class BulkLoadFailed extends RuntimeException {
        private final String topic;

        BulkLoadFailed(String topic, CorpusProducer.NotWritten cause) {
            super("loading " + topic + ": " + cause.getMessage(), cause);
            this.topic = topic;
        }

        String topic() {
            return topic;
        }
    }

    private StreamsDrain.Result drain(Topology topology, String applicationId, String input) throws Exception {
        return drain(StreamsPlan.of(topology), applicationId, input, Long.MAX_VALUE);
    }

    /** Drains {@code input} up to its first {@code upTo} records, under {@code applicationId} (null: the app's). */
    private StreamsDrain.Result drain(StreamsPlan plan, String applicationId, String input, long upTo) throws Exception {
        Properties properties = plan.settings(config.streamsProperties());
        if (applicationId != null) {
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        }
        return StreamsDrain.drain(plan.topology(), properties, input, upTo, DRAIN_TIMEOUT);
    }

    private void say(String format, Object... args) {
        progress.println(String.format(java.util.Locale.ROOT, format, args));
        progress.flush();
    }
}
