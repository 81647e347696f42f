package org.agendamonitor.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.metrics.MetricsRegistryFactory;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.stream.AgendaTopology.Stage;
import org.agendamonitor.stream.StreamsPlan;

/**
 * What each stage of the pipeline costs the stream thread, measured by taking it away: the backlog of section 2
 * runs again through the production topology cut after each stage, with every article's matches computed
 * beforehand (so matching costs a map lookup), each run under its own application id. The first run matches
 * nothing; each next one adds a stage, and the difference of two rows is what that stage costs, Kafka's part
 * included (its records through the repartition topic and the changelogs, the commit, the caches it takes from the
 * others), which a profiler's samples attribute elsewhere or not at all. The last row is the whole topology but for
 * matching, so section 2's run minus it (both over the whole run) is what matching costs inside the pipeline.
 */
final class StageCosts {
    /** Drains the first part of the backlog (as many articles as section 2) with a topology under an application id. */
    @FunctionalInterface
    interface Drain {
        StreamsDrain.Result run(StreamsPlan plan, String applicationId) throws Exception;
    }

    private final Benchmark.PipelineFactory pipeline;
    private final Drain drain;
    private final PrintWriter progress;

    StageCosts(Benchmark.PipelineFactory pipeline, Drain drain, PrintWriter progress) {
        this.pipeline = pipeline;
        this.drain = drain;
        this.progress = progress;
    }

    /** Adds the rows to section 2 of the report; {@code full} is section 2's run of the whole pipeline. */
    void run(BenchReport report, AgendaMatcher matcher, ArticleGenerator generator, int articles,
            StreamsDrain.Result full) throws Exception {
        progress.printf(Locale.ROOT, "2. stage costs: matching the %d articles beforehand%n", articles);
        progress.flush();
        Map<String, List<Match>> known = new HashMap<>(articles * 4 / 3 + 1);
        for (long i = 0; i < articles; i++) {
            Article article = generator.article(i, Instant.EPOCH); // the id and the matches do not depend on it
            known.put(article.id(), matcher.match(article));
        }
        // anything else on the topic (the latency section's articles) is matched for real
        Function<Article, List<Match>> precomputed = a -> {
            List<Match> matches = known.get(a.id());
            return matches != null ? matches : matcher.match(a);
        };
        double before = row(report, "none", "no article matches (decode, deduplicate, commit)", a -> List.of(),
                Stage.MATCH, Double.NaN);
        before = row(report, "match", "+ matched articles indexed and written", precomputed, Stage.MATCH, before);
        before = row(report, "repartition", "+ a record per match through the repartition topic", precomputed,
                Stage.REPARTITION, before);
        before = row(report, "stories", "+ stories", precomputed, Stage.STORIES, before);
        before = row(report, "all", "+ progress and alerts (all but matching)", precomputed, Stage.ALL, before);
        report.add(2, "   stage costs, %-50s: %s µs of stream thread per article", "matching (section 2 minus the row"
                + " above)", micros(full.streamMicros() - before));
    }

    /**
     * One run; returns its stream threads' µs per article over the whole run (see {@link StreamsDrain.Result}), from
     * which the next row's difference is taken.
     */
    private double row(BenchReport report, String name, String label, Function<Article, List<Match>> matcher,
            Stage through, double before) throws Exception {
        progress.println("2. stage costs: " + label);
        progress.flush();
        StreamsDrain.Result result;
        try (StreamsPlan plan = pipeline.build(matcher, new AgendaMetrics(MetricsRegistryFactory.prometheus()),
                through)) {
            result = drain.run(plan, "agenda-bench-stage-" + name);
            result.streams().close(Duration.ofSeconds(15));
        }
        report.add(2, "   stage costs, %-50s: %s articles/s sustained | stream threads %s µs per article over the"
                        + " run%s | cpu per article over the second half: %s", label,
                BenchReport.thousands(result.sustainedPerSecond()), micros(result.streamMicros()),
                Double.isNaN(before) ? "" : " (" + signed(result.streamMicros() - before) + ")", result.cpu());
        return result.streamMicros();
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.0f", value);
    }
}
