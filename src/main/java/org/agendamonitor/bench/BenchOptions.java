package org.agendamonitor.bench;

import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param articles        articles through the pass-through and the full pipeline
 * @param matcherArticles articles for the single-thread matcher comparison
 * @param rate            offered load of the latency section, articles per second
 * @param latency         how long that load is measured (after {@code warmUp})
 * @param feeds           feeds in the one poll cycle of the fetch section
 * @param feedHosts       loopback addresses the feeds are spread over
 * @param slowFeed        how long a slow feed takes to answer
 * @param soak            how long the demo run is kept up after ready, watching its memory
 * @param demoJvmOptions  JVM options of the demo run (the ones the README recommends)
 * @param stageCosts      whether section 2 also runs the pipeline cut after each stage ({@link StageCosts})
 */
public record BenchOptions(int articles, int matcherArticles, int rate, Duration latency, Duration warmUp,
        int feeds, int feedHosts, Duration slowFeed, Duration soak, List<String> demoJvmOptions,
        boolean stageCosts) {

    /** The JVM options the README recommends for the one-process run; measured in the start-up section. */
    public static final List<String> RECOMMENDED_JVM_OPTIONS = List.of();

    public BenchOptions {
        if (articles < 1 || matcherArticles < 1 || rate < 1 || feeds < 1 || feedHosts < 1 || feedHosts > 250) {
            throw new IllegalArgumentException("articles, rate and feeds must be positive and feed hosts 1..250");
        }
        demoJvmOptions = List.copyOf(demoJvmOptions);
    }

    /** The same run with another feed count and latency duration, where given (null keeps the current one). */
    public BenchOptions with(Integer feedCount, Integer latencySeconds) {
        return new BenchOptions(articles, matcherArticles, rate,
                latencySeconds == null ? latency : Duration.ofSeconds(latencySeconds), warmUp,
                feedCount == null ? feeds : feedCount, feedHosts, slowFeed, soak, demoJvmOptions, stageCosts);
    }

    /** The same run, with or without the stage costs of section 2. */
    public BenchOptions withStageCosts(boolean on) {
        return new BenchOptions(articles, matcherArticles, rate, latency, warmUp, feeds, feedHosts, slowFeed, soak,
                demoJvmOptions, on);
    }

    public static BenchOptions full(int articles, Duration soak) {
        return new BenchOptions(articles, Math.min(articles, 50_000), 1_000, Duration.ofSeconds(20),
                Duration.ofSeconds(3), 2_000, 20, Duration.ofSeconds(2), soak, RECOMMENDED_JVM_OPTIONS, false);
    }

    public static BenchOptions quick(int articles, Duration soak) {
        return new BenchOptions(articles, Math.min(articles, 10_000), 1_000, Duration.ofSeconds(5),
                Duration.ofSeconds(2), 500, 10, Duration.ofSeconds(1), soak, RECOMMENDED_JVM_OPTIONS, false);
    }
}
