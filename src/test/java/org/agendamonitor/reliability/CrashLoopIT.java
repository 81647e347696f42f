package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape of Kafka's own EOS system test ({@code streams_eos_test.py}: kill -9 in a loop, then compare the
 * committed output with the input record for record), end to end: feeds over HTTP → the app in a child JVM with its
 * embedded broker → topology → state stores, API and the matched topic. The app (and with it the broker) is
 * SIGKILLed {@code reliability.kills} times at seeded random moments, a third during start-up and the rest while it
 * ingests and processes, and restarted from the same data directory each time; every restart re-fetches and
 * re-sends every item (the fetcher's memory of sent ids dies with it). In the end every distinct article must be
 * counted exactly once, and the matched topic, read with read_committed, must hold each expected id exactly once.
 * The seed and every kill are logged; {@code -Dreliability.seed=N} replays the same schedule.
 */
class CrashLoopIT {
    private static final Logger LOG = LoggerFactory.getLogger(CrashLoopIT.class);
    private static final Duration HEALTHY = Scenario.STARTUP;
    /** Generous: on a loaded 2-core machine the app processed as little as 10 articles/s. */
    private static final Duration CONVERGE = Duration.ofMinutes(10);

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void shouldCountEveryArticleExactlyOnceWhenTheAppIsKilledRepeatedly() throws Exception {
        Scenario scenario = new Scenario("crash-loop", 20, Integer.getInteger("reliability.items.per.feed", 100),
                Duration.ofSeconds(40));
        closer.add(scenario);
        int kills = Integer.getInteger("reliability.kills", 6);
        Random random = new Random(scenario.seed);
        int brokerPort = LoopbackPorts.free();
        Map<String, String> settings = scenario.appSettings("data");
        settings.put("kafka.embedded.port", String.valueOf(brokerPort));
        FeedFarm farm = scenario.farm;

        for (int k = 1; k <= kills; k++) {
            AppProcess app = start(scenario, "crash-" + k, settings);
            boolean duringStartup = random.nextInt(3) == 0;
            long delayMs = duringStartup ? 500 + random.nextInt(6_000) : 1_000 + random.nextInt(9_000);
            Long healthyAfter = null;
            if (!duringStartup) {
                healthyAfter = Await.millis(() -> app.status("/health") == 200, HEALTHY, () -> app.jvm().tail(30));
                farm.resumeRelease(); // the release clock runs only while the app is up
            }
            Thread.sleep(delayMs); // the kill moment is what this test varies
            Map<Recommendation, Long> seen = duringStartup ? null : app.articleCountsOrNull();
            app.jvm().kill();
            farm.pauseRelease();
            LOG.info("SIGKILL {}/{} pid={} phase={} uptime_ms={} healthy_after_ms={} released_per_feed={} "
                    + "api_counts={}", k, kills, app.jvm().pid(), duringStartup ? "startup" : "running",
                    app.jvm().uptime().toMillis(), healthyAfter, farm.released(), seen);
        }

        AppProcess app = start(scenario, "final", settings);
        long recovery = Await.millis(() -> app.status("/health") == 200, HEALTHY, () -> app.jvm().tail(30));
        farm.resumeRelease();
        long converged = Await.millis(
                () -> farm.fullyReleased() && scenario.truth.counts().equals(app.articleCountsOrNull()), CONVERGE,
                () -> "api counts " + app.articleCountsOrNull() + " expected " + scenario.truth.counts());
        LOG.info("final run healthy_after_ms={} counts_converged_after_ms={} counts={}", recovery, converged,
                app.articleCounts());
        assertThat(app.articleCounts()).isEqualTo(scenario.truth.counts());
        Checks.topicsMatchTheGroundTruth("127.0.0.1:" + brokerPort, scenario.truth);

        long stopStarted = System.nanoTime();
        int exit = app.jvm().stop(Duration.ofSeconds(30));
        LOG.info("clean stop exit={} took_ms={}", exit, (System.nanoTime() - stopStarted) / 1_000_000);
        assertThat(exit).as("a SIGTERM stops the app within 30 s").isNotEqualTo(-1);
        AppProcess again = start(scenario, "after-clean-stop", settings);
        long healthy = Await.millis(() -> again.status("/health") == 200, HEALTHY, () -> again.jvm().tail(30));
        assertThat(again.articleCounts()).as("counts after a clean restart").isEqualTo(scenario.truth.counts());
        LOG.info("restart after clean stop healthy_after_ms={} counts={}", healthy, again.articleCounts());
    }

    private AppProcess start(Scenario scenario, String name, Map<String, String> settings) {
        AppProcess app = scenario.startApp(name, settings);
        closer.add(app);
        return app;
    }
}
