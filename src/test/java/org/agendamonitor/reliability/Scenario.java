package org.agendamonitor.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every reliability test starts from: a work folder under {@code target/reliability/<name>-<seed>} (kept after
 * the run, logs included), the feed farm, a config folder (the real agenda.yaml, the farm's OPML) and the ground
 * truth, plus the settings every app instance gets.
 */
final class Scenario implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scenario.class);
    /**
     * Longest wait for a (re)started broker or app to answer. Generous on purpose: on the shared 2-core machine,
     * at load averages of 30-50, a broker start alone took 102 s and an app start up to 150 s.
     */
    static final Duration STARTUP = Duration.ofMinutes(6);

    final long seed;
    final Path work;
    final Path config;
    final FeedFarm farm;
    final GroundTruth truth;

    Scenario(String name, int feeds, int itemsPerFeed, Duration releaseSpan) throws Exception {
        seed = Long.getLong("reliability.seed", System.currentTimeMillis());
        work = Files.createDirectories(Path.of("target", "reliability", name + "-" + seed)).toAbsolutePath();
        farm = new FeedFarm(feeds, itemsPerFeed, releaseSpan, seed);
        config = Files.createDirectories(work.resolve("config"));
        Files.copy(Path.of("config", "agenda.yaml"), config.resolve("agenda.yaml"));
        farm.writeOpml(config.resolve("feeds.opml"));
        truth = GroundTruth.of(farm, config.resolve("feeds.opml"), config.resolve("agenda.yaml"));
        LOG.info("scenario {} seed={} work={} articles={} matched={} counts={}", name, seed, work,
                truth.articleIds().size(), truth.matchedIds().size(), truth.counts());
    }

    /** Settings of one app instance: own data dir and web port, fast polling, 10 s group sessions. */
    Map<String, String> appSettings(String dataName) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("data.dir", work.resolve(dataName).toString());
        s.put("web.port", String.valueOf(LoopbackPorts.free()));
        s.put("ingest.interval.seconds", "2");
        s.put("ingest.interval.min.seconds", "1");
        s.put("ingest.per.host.concurrency", "4");
        // Failed polls (broker away) retry after at most 5 s instead of the production hours.
        s.put("ingest.backoff.max.seconds", "5");
        return s;
    }

    AppProcess startApp(String name, Map<String, String> settings) {
        return AppProcess.start(name, config, work.resolve("logs").resolve(name + ".log"), settings);
    }

    @Override
    public void close() {
        farm.close();
    }
}
