package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agendamonitor.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Offers a steady load (one article every {@code 1/rate} s, as a paced ingest would) to the running pipeline and
 * measures produce-to-matched latency: the time from a raw record's send to a {@code read_committed} reader seeing
 * its matched record. The matched record keeps the raw record's timestamp (Kafka Streams propagates it), so each
 * matched article is one sample; samples sent during the first {@code warmUp} are dropped. The reader waits for
 * every measured article the generator put on the agenda (up to {@code GRACE} after the load), so a slow tail is
 * measured, not cut off.
 */
final class LatencyProbe {
    private static final Duration GRACE = Duration.ofSeconds(60);

    private LatencyProbe() {
    }

    static LatencySamples run(String bootstrap, CorpusProducer producer, ArticleGenerator generator, long firstItem,
            int rate, Duration duration, Duration warmUp) throws InterruptedException {
        LatencySamples samples = new LatencySamples();
        long measureFrom = System.currentTimeMillis() + warmUp.toMillis();
        AtomicLong expected = new AtomicLong();
        try (CommittedReader reader = new CommittedReader(bootstrap, Topics.ARTICLES_MATCHED.name(), true)) {
            Thread sender = new Thread(() -> offer(producer, generator, firstItem, rate, warmUp.plus(duration),
                    measureFrom, expected), "bench-load");
            sender.start();
            long stopAt = System.nanoTime() + warmUp.plus(duration).plus(GRACE).toNanos();
            while (System.nanoTime() < stopAt && (sender.isAlive() || samples.count() < expected.get())) {
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    if (r.timestamp() >= measureFrom) {
                        samples.add(r.timestamp(), Math.max(0, now - r.timestamp()));
                    }
                }
            }
            sender.join();
        }
        return samples;
    }

    private static void offer(CorpusProducer producer, ArticleGenerator generator, long firstItem, int rate,
            Duration duration, long measureFrom, AtomicLong expected) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long count = duration.toSeconds() * rate;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant now = Instant.now();
            if (now.toEpochMilli() >= measureFrom && generator.onAgenda(firstItem + i)) {
                expected.incrementAndGet();
            }
            producer.send(Topics.ARTICLES_RAW.name(), generator.article(firstItem + i, now));
        }
        producer.flush();
    }
}
