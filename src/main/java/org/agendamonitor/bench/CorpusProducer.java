package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.model.Article;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated articles to a topic with the production producer settings (idempotent, {@code acks=all}, the
 * article JSON serde), as the ingest stage would, but with Kafka's own, longer timeouts: see {@link #bulkLoad}. A
 * record's timestamp is the article's fetch time (callers make that "now"); Kafka Streams carries it to the output
 * records, so a reader can compute fetch-to-output latency.
 */
final class CorpusProducer implements AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong failed = new AtomicLong();

    CorpusProducer(Properties producerProperties) {
        Serializer<String> keys = Topics.ARTICLES_RAW.keySerde().serializer();
        Serializer<Article> values = Topics.ARTICLES_RAW.valueSerde().serializer();
        this.producer = new KafkaProducer<>(bulkLoad(producerProperties), keys, values);
    }

    /**
     * The ingest producer's settings with Kafka's default timeouts put back. The ingest stage fails a send within
     * 30 s so that a fetch worker is never parked on a broker that is away (the feed is polled again later); a
     * benchmark's backlog has nobody waiting on it, and one record given up after a stall of the broker fails the
     * whole run. (The two CI failures of BenchCommandIT that led here, one batch of 9 records given up after
     * 30 s and later 2,519 of 3,000 after 120 s, were no stall: the load began before the new topic's partitions
     * were served, and the idempotent producer lost its first batch to KAFKA-15591, which
     * {@link org.agendamonitor.kafka.TopicAdmin#ensureTopics} now waits out.)
     */
    static Properties bulkLoad(Properties ingest) {
        Properties p = new Properties();
        p.putAll(ingest);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        return p;
    }

    /** Sends items {@code from} (inclusive) to {@code to} (exclusive) as fast as the producer takes them. */
    Duration produce(String topic, ArticleGenerator generator, long from, long to) {
        long started = System.nanoTime();
        for (long i = from; i < to; i++) {
            send(topic, generator.article(i, Instant.now()));
        }
        flush();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void send(String topic, Article article) {
        producer.send(new ProducerRecord<>(topic, null, article.fetchedAt().toEpochMilli(), article.id(), article),
                (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, error);
                    }
                });
    }

    /** Waits for every record sent so far; throws {@link NotWritten} if any of them failed. */
    void flush() {
        producer.flush();
        Exception first = failure.get();
        if (first != null) {
            throw new NotWritten(failed.get() + " benchmark records were not written; the first failure: "
                    + first.getMessage(), first);
        }
    }

    /** Some records sent through this producer were given up: they may or may not be in the topic. */
    static final class NotWritten extends KafkaException {
        NotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
