package org.agendamonitor.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.kafka.Topics;
import org.agendamonitor.metrics.AgendaMetrics;
import org.agendamonitor.model.Article;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Produces articles to {@code agenda.articles.raw.v1}, keyed by article id, with an idempotent producer
 * ({@code acks=all}): a retried send is never written twice. Re-sending an article that was already sent (a second
 * poll of the same feed) is harmless: the topology drops exact duplicates by id.
 */
public final class ArticlePublisher implements ArticleSink, AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaProducer<String, Article> producer;
    private final AgendaMetrics metrics;

    public ArticlePublisher(Properties producerProperties, AgendaMetrics metrics) {
        Serializer<String> keys = Topics.ARTICLES_RAW.keySerde().serializer();
        Serializer<Article> values = Topics.ARTICLES_RAW.valueSerde().serializer();
        this.producer = new KafkaProducer<>(producerProperties, keys, values);
        this.metrics = metrics;
    }

    @Override
    public void publish(FeedSource feed, List<Article> articles) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
        for (Article a : articles) {
            acks.add(producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), a.id(), a)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing feed " + feed.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not publish articles of feed " + feed.id() + ": " + e.getMessage(), e);
        }
        if (metrics != null && !articles.isEmpty()) {
            metrics.articlesIngested(feed.id(), articles.size());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
