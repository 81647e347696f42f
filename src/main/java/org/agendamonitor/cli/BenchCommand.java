package org.agendamonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.agendamonitor.stream.ProgressFunctions;
import org.agendamonitor.bench.BenchOptions;
import org.agendamonitor.bench.BenchReport;
import org.agendamonitor.bench.Benchmark;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.config.AppConfig;
import org.agendamonitor.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--articles N] [--quick] [--soak-minutes M]}: throughput and latency figures of this machine, on a
 * fresh embedded broker in a temporary directory, with the production settings of {@code --config}. Progress goes
 * to stderr; the figures go to stdout, and the last line is always {@code articles_per_s=<n>} (full pipeline).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: pass-through ceiling, full pipeline, matcher, latency, feed polling, start-up.")
public final class BenchCommand implements Callable<Integer> {
    static final int DEFAULT_SOAK_MINUTES = 10;

    @Mixin
    ConfigOptions options;

    @Option(names = "--articles", paramLabel = "N", description = "articles through the pipeline (default 200000, "
            + "20000 with --quick)")
    Integer articles;

    @Option(names = "--quick", description = "a fast smoke run: fewer articles, 5 s of latency, 500 feeds")
    boolean quick;

    @Option(names = "--feeds", paramLabel = "N", description = "feeds in the poll cycle (default 2000, 500 with --quick)")
    Integer feeds;

    @Option(names = "--latency-seconds", paramLabel = "S",
            description = "how long the steady load is measured (default 20, 5 with --quick)")
    Integer latencySeconds;

    /** Section 6 reports the demo's memory after 10 minutes of running, not only at start; a smoke run skips that. */
    @Option(names = "--soak-minutes", paramLabel = "M",
            description = "keep the demo run up this long after ready, watching its memory (default "
                    + DEFAULT_SOAK_MINUTES + ", 0 with --quick)")
    Integer soakMinutes;

    @Option(names = "--stage-costs", description = "also run the pipeline cut after each stage, with the matches "
            + "computed beforehand, and print what each stage costs (a few more minutes)")
    boolean stageCosts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        requireAtLeast("--articles", articles, 1);
        requireAtLeast("--feeds", feeds, 1);
        requireAtLeast("--latency-seconds", latencySeconds, 1);
        Duration soak = soak();
        Path work = Files.createTempDirectory("agenda-bench");
        try {
            AppConfig config = load(work);
            AgendaSpec agenda = AgendaSpecLoader.load(config.agendaFile());
            int n = articles != null ? articles : quick ? 20_000 : 200_000;
            BenchOptions bench = (quick ? BenchOptions.quick(n, soak) : BenchOptions.full(n, soak))
                    .with(feeds, latencySeconds).withStageCosts(stageCosts);
            BenchReport report = new Benchmark(config, agenda, (matcher, metrics, through) ->
                    MonitorApp.topology(matcher, metrics, ProgressFunctions.fromAgenda(agenda), through,
                            config.kafka().matchAheadThreads()), bench,
                    spec.commandLine().getErr()).run();
            report.print(spec.commandLine().getOut());
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A count the user gave that the run cannot do with is a usage error (exit 2, the option named), found before
     * the broker starts, rather than a failed run.
     */
    private void requireAtLeast(String option, Integer value, int least) {
        if (value != null && value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be " + least + " or more, not " + value);
        }
    }

    /** How long section 6 keeps the demo up after ready: 10 minutes unless {@code --quick} or said otherwise. */
    Duration soak() {
        requireAtLeast("--soak-minutes", soakMinutes, 0);
        return Duration.ofMinutes(soakMinutes != null ? soakMinutes : quick ? 0 : DEFAULT_SOAK_MINUTES);
    }

    /** The production settings of {@code --config}, with a temporary data dir and random local ports. */
    private AppConfig load(Path work) {
        Map<String, String> overrides = new LinkedHashMap<>(options.overrides);
        overrides.put("data.dir", work.toString());
        overrides.put("kafka.embedded.port", "0");
        overrides.put("web.port", "0");
        overrides.remove("kafka.bootstrap.servers"); // always a fresh embedded broker, never a shared cluster
        return new ConfigLoader(System.getenv()).load(options.configDir, false, overrides);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
