package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.agendamonitor.kafka.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app as a client of an external broker (its own JVM) that dies under it: SIGKILL of the broker while feeds
 * are being ingested and processed, an outage, a restart from the same data directory. Meanwhile the app must stay
 * up, say what is going on ({@code /health} 503 with the Streams state and a broker note), let each feed poll fail
 * and back off instead of piling articles up in memory, and afterwards resume with nothing lost and nothing
 * counted twice. Three poison records written to the raw topic before the outage must end in the dead-letter
 * topic, each exactly once with its error in the headers, without stopping the topology.
 */
class BrokerRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final Duration OUTAGE = Duration.ofSeconds(45);

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    @Test
    void shouldWaitForARestartedBrokerAndResumeWithNothingLostOrDoubled() throws Exception {
        Scenario scenario = new Scenario("broker-restart", 12, 100, Duration.ofSeconds(60));
        closer.add(scenario);
        BrokerProcess broker = new BrokerProcess(scenario.work.resolve("broker"), scenario.work.resolve("logs"));
        closer.add(broker);
        broker.start();
        Map<String, String> settings = scenario.appSettings("app-data");
        settings.put("kafka.bootstrap.servers", broker.bootstrap());
        AppProcess app = scenario.startApp("app", settings);
        closer.add(app);
        Await.millis(() -> app.status("/health") == 200, Scenario.STARTUP, () -> app.jvm().tail(30));
        assertThat(Files.readString(app.jvm().log())).as("the single-broker set-up is called out at start-up")
                .contains("exactly-once weakened");
        // Half the items before the outage, the rest during it: polls must have new articles to fail on.
        scenario.farm.resumeRelease();
        Await.millis(() -> scenario.farm.released() >= 50, Duration.ofMinutes(3), () -> "release stuck");
        scenario.farm.pauseRelease();
        Await.millis(() -> total(app) > 100, Duration.ofMinutes(10), () -> "counts " + app.articleCountsOrNull());

        Set<String> poison = writePoison(broker.bootstrap());
        long rssBefore = rssKb(app.jvm().pid());
        broker.jvm().kill();
        long killedAt = System.nanoTime();
        scenario.farm.resumeRelease();
        LOG.info("broker SIGKILLed pid={} api_counts={} released_per_feed={}", broker.jvm().pid(),
                app.articleCountsOrNull(), scenario.farm.released());
        long noticed = Await.millis(() -> app.status("/health") == 503, Duration.ofSeconds(30),
                () -> "health still " + app.status("/health"));
        HttpResponse<String> health = app.get("/health");
        LOG.info("health during outage after_ms={} body={}", noticed, health.body());
        assertThat(health.body()).contains("kafka unreachable");
        Await.millis(() -> feedsFailingOnTheSink(app) > 0, OUTAGE, () -> "no feed reported sink_error");
        long rssDuring = waitOutOutage(app, killedAt);
        LOG.info("outage over: app alive={} rss_kb before={} during_max={} feeds_failing={}", app.jvm().alive(),
                rssBefore, rssDuring, feedsFailingOnTheSink(app));
        assertThat(app.jvm().alive()).as("the app survives the outage").isTrue();

        broker.start();
        long healthyAgain = Await.millis(() -> app.status("/health") == 200, Scenario.STARTUP,
                () -> app.jvm().tail(30));
        long converged = Await.millis(() -> scenario.farm.fullyReleased()
                && scenario.truth.counts().equals(app.articleCountsOrNull()), Duration.ofMinutes(10),
                () -> "api counts " + app.articleCountsOrNull() + " expected " + scenario.truth.counts());
        LOG.info("broker back: healthy_again_after_ms={} converged_after_ms={} counts={}", healthyAgain,
                converged + healthyAgain, app.articleCounts());
        Checks.topicsMatchTheGroundTruth(broker.bootstrap(), scenario.truth, poison);
    }

    /** Records the topology cannot read: not JSON, JSON that is no article, an article under another key. */
    private static Set<String> writePoison(String bootstrap) throws Exception {
        Map<String, String> poison = Map.of(
                "poison-not-json", "this is not json",
                "poison-not-an-article", "{\"hello\": [1, 2, 3]}",
                "poison-wrong-key", "{\"id\":\"someone-else\",\"feedId\":\"x\",\"fetchedAt\":\"2026-11-28T00:00:00Z\"}");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (Map.Entry<String, String> e : poison.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), e.getKey(), e.getValue())).get();
            }
        }
        return poison.keySet();
    }

    private static long total(AppProcess app) {
        Map<?, Long> counts = app.articleCountsOrNull();
        return counts == null ? 0 : counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static int feedsFailingOnTheSink(AppProcess app) {
        try {
            int failing = 0;
            for (JsonNode feed : app.json("/api/feeds")) {
                if ("sink_error".equals(feed.path("lastOutcome").asText())) {
                    failing++;
                }
            }
            return failing;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Keeps the broker down for {@link #OUTAGE} while the feeds keep releasing; returns the largest RSS seen. */
    private static long waitOutOutage(AppProcess app, long killedAt) throws InterruptedException {
        long maxRss = 0;
        while (System.nanoTime() - killedAt < OUTAGE.toNanos()) {
            maxRss = Math.max(maxRss, rssKb(app.jvm().pid()));
            Thread.sleep(500);
        }
        return maxRss;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
