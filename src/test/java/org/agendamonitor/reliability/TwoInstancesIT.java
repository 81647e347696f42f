package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.agendamonitor.model.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out: two instances with one application id against one external broker. They must split the topic
 * partitions and the feed list (no feed polled by both in the same window), either one must answer the API for
 * all data, their per-instance gauges must add up to the whole, and when one is SIGKILLed the other must take over
 * its feeds and partitions within a minute and end with every article counted exactly once.
 */
class TwoInstancesIT {
    private static final Logger LOG = LoggerFactory.getLogger(TwoInstancesIT.class);
    private static final int FEEDS = 12;
    private static final Duration TAKEOVER = Duration.ofMinutes(1);

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void shouldSplitTheWorkAndTakeOverWhenOneInstanceDies() throws Exception {
        Scenario scenario = new Scenario("two-instances", FEEDS, 100, Duration.ofSeconds(60));
        closer.add(scenario);
        BrokerProcess broker = new BrokerProcess(scenario.work.resolve("broker"), scenario.work.resolve("logs"));
        closer.add(broker);
        broker.start();
        AppProcess a = start(scenario, broker, "a");
        AppProcess b = start(scenario, broker, "b");
        Await.millis(() -> a.status("/health") == 200 && b.status("/health") == 200, Scenario.STARTUP,
                () -> "a: " + a.jvm().tail(20) + "\nb: " + b.jvm().tail(20));
        scenario.farm.resumeRelease();

        // Ownership: within a settled 10 s window every feed is polled, each by exactly one instance, by both.
        Map<Integer, Set<String>> owners = Await.settled(() -> pollersPerFeed(scenario.farm, 10),
                owners1 -> owners1.size() == FEEDS && owners1.values().stream().allMatch(s -> s.size() == 1)
                        && agents(owners1).size() == 2, Duration.ofMinutes(2));
        LOG.info("feed split: {}", owners);

        // Let a good part of the articles flow through both before comparing (and before the kill).
        Await.millis(() -> scenario.farm.released() >= 40, Duration.ofMinutes(3), () -> "release stuck");
        scenario.farm.pauseRelease();
        // Counts move while the backlog drains, so the comparison is one reading of both APIs and both scrapes.
        long agreed = Await.millis(() -> bothAgreeAndGaugesAddUp(a, b), Duration.ofMinutes(10),
                () -> "a " + a.articleCountsOrNull() + " b " + b.articleCountsOrNull());
        LOG.info("both instances answer the same counts after_ms={} counts={} gauge_sum_a={} gauge_sum_b={}", agreed,
                a.articleCountsOrNull(), matchedGaugeSum(a), matchedGaugeSum(b));
        assertThat(matchedGaugeSum(a)).as("a hosts part of the partitions").isPositive();
        assertThat(matchedGaugeSum(b)).as("b hosts part of the partitions").isPositive();

        scenario.farm.resumeRelease();
        a.jvm().kill();
        long killedAt = System.nanoTime();
        LOG.info("instance a SIGKILLed released_per_feed={}", scenario.farm.released());
        long feedsTakenOver = Await.millis(() -> pollersSince(scenario.farm, killedAt).size() == FEEDS
                && agents(pollersSince(scenario.farm, killedAt)).equals(Set.of("instance-b")), TAKEOVER,
                () -> "polled since kill: " + pollersSince(scenario.farm, killedAt));
        long partitionsTakenOver = Await.millis(() -> b.articleCountsOrNull() != null, TAKEOVER,
                () -> b.jvm().tail(20));
        LOG.info("takeover feeds_after_ms={} partitions_after_ms={}", feedsTakenOver,
                (System.nanoTime() - killedAt) / 1_000_000);
        assertThat(partitionsTakenOver).isLessThan(TAKEOVER.toMillis());
        long converged = Await.millis(() -> scenario.farm.fullyReleased()
                && scenario.truth.counts().equals(b.articleCountsOrNull()), Duration.ofMinutes(10),
                () -> "b counts " + b.articleCountsOrNull() + " expected " + scenario.truth.counts());
        LOG.info("b alone converged_after_ms={} counts={} gauge_sum_b={}", converged, b.articleCounts(),
                matchedGaugeSum(b));
        assertThat(matchedGaugeSum(b)).isEqualTo(scenario.truth.counts().values().stream()
                .mapToLong(Long::longValue).sum());
        Checks.topicsMatchTheGroundTruth(broker.bootstrap(), scenario.truth);
    }

    private AppProcess start(Scenario scenario, BrokerProcess broker, String name) {
        Map<String, String> settings = scenario.appSettings("data-" + name);
        settings.put("kafka.bootstrap.servers", broker.bootstrap());
        settings.put("kafka.topic.partitions", "4");
        settings.put("ingest.user.agent", "instance-" + name);
        AppProcess app = scenario.startApp("instance-" + name, settings);
        closer.add(app);
        return app;
    }

    private static Map<Integer, Set<String>> pollersPerFeed(FeedFarm farm, int seconds) {
        return pollersSince(farm, System.nanoTime() - Duration.ofSeconds(seconds).toNanos());
    }

    private static Map<Integer, Set<String>> pollersSince(FeedFarm farm, long nanos) {
        Map<Integer, Set<String>> byFeed = new HashMap<>();
        farm.pollsSince(nanos).forEach(p -> byFeed.computeIfAbsent(p.feed(), f -> new HashSet<>()).add(p.agent()));
        return byFeed;
    }

    private static Set<String> agents(Map<Integer, Set<String>> byFeed) {
        Set<String> all = new HashSet<>();
        byFeed.values().forEach(all::addAll);
        return all;
    }

    /** Both APIs give the same non-zero counts, and the two instances' gauges add up to them. */
    private static boolean bothAgreeAndGaugesAddUp(AppProcess a, AppProcess b) {
        try {
            Map<Recommendation, Long> fromA = a.articleCountsOrNull();
            long gauges = matchedGaugeSum(a) + matchedGaugeSum(b);
            long total = fromA == null ? 0 : fromA.values().stream().mapToLong(Long::longValue).sum();
            return total > 0 && fromA.equals(b.articleCountsOrNull()) && gauges == total;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sum of this instance's {@code agenda_articles_matched_total} series: what its own partitions hold. */
    private static long matchedGaugeSum(AppProcess app) throws IOException {
        long sum = 0;
        for (String line : app.get("/metrics").body().split("\n")) {
            if (line.startsWith("agenda_articles_matched_total{")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
