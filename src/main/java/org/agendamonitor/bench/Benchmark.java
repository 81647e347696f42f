package org.agendamonitor.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.kafka.TopicSpec;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.match.KeywordBaseline;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.stream.AgendaTopology;
import org.agendamonitor.stream.StreamsPlan;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One benchmark run: the matcher alone (first, which also warms the JIT for the pipeline); then a fresh embedded
 * broker in {@code config.dataDir()}, the same generated articles through a pass-through topology and through the
 * production pipeline, and the latency of the running pipeline under a steady load (run again on a second fresh
 * broker if the backlog cannot be loaded: {@link BulkLoadRetry}); one feed poll cycle and the demo's start-up.
 * Progress goes to {@code progress}; the figures are returned as a {@link BenchReport}.
 */
public final class Benchmark {
    /**
     * Builds the production topology the way the {@code run} command does, with {@code matcher} as its match
     * function, up to a stage ({@link AgendaTopology.Stage#ALL} except for the stage costs).
     */
    @FunctionalInterface
    public interface PipelineFactory {
        StreamsPlan build(Function<Article, List<Match>> matcher, AgendaMetrics metrics,
                AgendaTopology.Stage through);
    }

    static final String PASS_THROUGH_OUTPUT = "agenda.bench.passthrough.v1";
    static final String WARM_UP_INPUT = "agenda.bench.warmup.v1";
    static final String WARM_UP_OUTPUT = "agenda.bench.warmup.out.v1";

    private final AppConfig config;
    private final AgendaSpec agenda;
    private final PipelineFactory pipeline;
    private final BenchOptions options;
    private final PrintWriter progress;
    private final ArticleGenerator generator = ArticleGenerator.withDefaults();

    public Benchmark(AppConfig config, AgendaSpec agenda, PipelineFactory pipeline, BenchOptions options,
            PrintWriter progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.agenda = Objects.requireNonNull(agenda, "agenda");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public BenchReport run() throws Exception {
        BenchReport report = new BenchReport(progress);
        Properties streams = config.streamsProperties();
        report.header(String.format(java.util.Locale.ROOT, "agenda-monitor bench: articles=%d seed=%d cores=%d "
                        + "max_heap=%d MB | streams: %s commit.interval.ms=%s statestore.cache.max.bytes=%s "
                        + "threads=%s partitions=%d", options.articles(), ArticleGenerator.DEFAULT_SEED,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG), streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
                streams.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG),
                streams.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG), config.kafka().partitions()));
        // The matcher runs first: besides its own figure, it compiles the analysis and query code the pipeline spends
        // most of its time in, so that section 2 measures the pipeline, not the JIT (C2 took ~0.5 core for the first
        // minute of a cold pipeline run).
        matcherSection(report);
        streamsSections(report);
        feedSection(report);
        startupSection(report);
        return report;
    }

    private void streamsSections(BenchReport report) throws Exception {
        BulkLoadRetry.onFreshBroker(config, topics(), report, progress,
                live -> new StreamsSections(live, agenda, pipeline, generator, options, progress).run(report));
    }

    private static List<TopicSpec<?, ?>> topics() {
        List<TopicSpec<?, ?>> all = new ArrayList<>(Topics.ALL);
        for (String name : List.of(PASS_THROUGH_OUTPUT, WARM_UP_INPUT, WARM_UP_OUTPUT)) {
            all.add(new TopicSpec<>(name, Serdes.ByteArray(), Serdes.ByteArray(), Map.of()));
        }
        return all;
    }

    private void matcherSection(BenchReport report) {
        progress.println("3. matcher alone: " + options.matcherArticles() + " articles, one thread");
        progress.flush();
        List<Article> corpus = MatcherBench.corpus(generator, options.matcherArticles());
        try (AgendaMatcher production = new AgendaMatcher(agenda);
             AgendaMatcher baseline = new AgendaMatcher(KeywordBaseline.spec())) {
            MatcherBench.Result agendaResult = MatcherBench.measure(production::match, corpus, Duration.ofSeconds(10));
            MatcherBench.Result baselineResult = MatcherBench.measure(baseline::match, corpus, Duration.ofSeconds(5));
            report.add(3, "3. matcher alone, 1 thread    : agenda matcher %s articles/s (matched %s) | keyword "
                            + "baseline %s articles/s (matched %s) | agenda/baseline = %.2f",
                    BenchReport.thousands(agendaResult.perSecond()),
                    CommittedReader.percent(agendaResult.matched(), agendaResult.articles()),
                    BenchReport.thousands(baselineResult.perSecond()),
                    CommittedReader.percent(baselineResult.matched(), baselineResult.articles()),
                    agendaResult.perSecond() / baselineResult.perSecond());
        }
    }

    private void feedSection(BenchReport report) throws Exception {
        progress.println("5. fetching: one poll cycle of " + options.feeds() + " feeds");
        progress.flush();
        FeedPollBench.Result r = FeedPollBench.run(options.feeds(), options.feedHosts(), options.slowFeed(),
                config.ingest(), Duration.ofMinutes(5));
        report.add(5, "5. fetch, one poll cycle      : %d feeds on %d loopback hosts in %s (%s articles parsed; %s)"
                        + " | concurrency %d, per host %d | threads %d -> peak %d | heap %d MB -> peak %d MB",
                r.feeds(), options.feedHosts(), BenchReport.seconds(r.cycle()), BenchReport.thousands(r.articles()),
                r.outcomes(), config.ingest().concurrency(), config.ingest().perHostConcurrency(),
                r.baselineThreads(), r.peakThreads(), r.baselineHeapMb(), r.peakHeapMb());
    }

    private void startupSection(BenchReport report) throws Exception {
        progress.println("6. start-up: run --demo in a fresh JVM" + (options.soak().isZero() ? ""
                : ", then " + options.soak().toMinutes() + " min soak"));
        progress.flush();
        Path dataDir = config.dataDir().resolve("demo-run");
        StartupProbe.Result r = StartupProbe.run(config.configDir(), dataDir, options.demoJvmOptions(),
                options.soak(), Duration.ofMinutes(5));
        String soak = r.soaked().isZero() ? "no soak (--soak-minutes 0)"
                : String.format(java.util.Locale.ROOT, "after %d min: %d MB (peak %d MB)", r.soaked().toMinutes(),
                        r.rssLastMb(), r.rssPeakMb());
        report.add(6, "6. start-up (run --demo)      : ready (streams RUNNING, /health 200) %s after JVM launch | "
                        + "RSS at ready %d MB | %s | JVM options: %s", BenchReport.seconds(r.ready()),
                r.rssAtReadyMb(), soak, r.jvmOptions().isEmpty() ? "none" : String.join(" ", r.jvmOptions()));
    }
}
