package org.agendamonitor.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;
import org.agendamonitor.ingest.ArticleSink;
import org.agendamonitor.ingest.FeedScheduler;
import org.agendamonitor.ingest.FeedStatus;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.metrics.MetricsRegistryFactory;

/**
 * One poll cycle of the production {@link FeedScheduler} (fetch, parse, normalize) over a {@link FeedFarm}: from
 * {@code pollAllNow()} until every feed has an outcome. Articles go to a counting sink, so the figure is the ingest
 * stage's own (the Kafka side is measured by the other sections).
 */
final class FeedPollBench {
    record Result(int feeds, Duration cycle, long articles, Map<String, Integer> outcomes, long baselineThreads,
            long peakThreads, long baselineHeapMb, long peakHeapMb) {
    }

    private FeedPollBench() {
    }

    static Result run(int feedCount, int hosts, Duration slow, IngestSettings settings, Duration timeout)
            throws IOException, InterruptedException {
        AtomicLong articles = new AtomicLong();
        ArticleSink sink = (FeedSource feed, List<org.agendamonitor.model.Article> items) -> articles.addAndGet(
                items.size());
        try (FeedFarm farm = new FeedFarm(hosts, slow)) {
            List<FeedSource> feeds = farm.feeds(feedCount);
            AgendaMetrics metrics = new AgendaMetrics(MetricsRegistryFactory.prometheus());
            try (ResourceSampler sampler = new ResourceSampler();
                 FeedScheduler scheduler = new FeedScheduler(feeds, settings, sink, metrics, Clock.systemUTC())) {
                long started = System.nanoTime();
                long deadline = started + timeout.toNanos();
                scheduler.pollAllNow();
                List<FeedStatus> statuses = scheduler.statuses();
                while (statuses.stream().anyMatch(s -> s.lastOutcome() == null) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                    statuses = scheduler.statuses();
                }
                Duration cycle = Duration.ofNanos(System.nanoTime() - started);
                Map<String, Integer> outcomes = new TreeMap<>();
                statuses.forEach(s -> outcomes.merge(String.valueOf(s.lastOutcome()), 1, Integer::sum));
                return new Result(feedCount, cycle, articles.get(), outcomes, sampler.baselineThreads(),
                        sampler.peakThreads(), sampler.baselineHeapMb(), sampler.peakHeapMb());
            }
        }
    }
}
