package org.agendamonitor.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A {@code read_committed} reader of one topic (all partitions assigned, no group), as a downstream tool reads. */
final class CommittedReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    CommittedReader(String bootstrap, String topic, boolean fromEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before any new record arrives
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    Iterable<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** Counts records until {@code quiet} passes without one. */
    long countUntilQuiet(Duration quiet) {
        long count = 0;
        while (true) {
            int n = consumer.poll(quiet).count();
            if (n == 0) {
                return count;
            }
            count += n;
        }
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
