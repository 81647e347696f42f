package org.agendamonitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.model.Article;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated articles to a topic with the production producer settings (idempotent, {@code acks=all}, the
 * article JSON serde), as the ingest stage would. A record's timestamp is the article's fetch time (callers make
 * that "now"); Kafka Streams carries it to the output records, so a reader can compute fetch-to-output latency.
 */
final class CorpusProducer implements AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    CorpusProducer(Properties producerProperties) {
        Serializer<String> keys = Topics.ARTICLES_RAW.keySerde().serializer();
        Serializer<Article> values = Topics.ARTICLES_RAW.valueSerde().serializer();
        this.producer = new KafkaProducer<>(producerProperties, keys, values);
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
                        failure.compareAndSet(null, error);
                    }
                });
    }

    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new KafkaException("benchmark records were not written: " + failure.get().getMessage(),
                    failure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
