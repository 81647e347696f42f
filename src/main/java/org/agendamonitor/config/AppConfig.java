package org.agendamonitor.config;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The whole, validated configuration; built only by {@link ConfigLoader}. Components take the part they need. */
public record AppConfig(
        Path configDir,
        boolean demo,
        Path dataDir,
        Path feedsFile,
        Path agendaFile,
        KafkaSettings kafka,
        IngestSettings ingest,
        WebSettings web,
        AlertSettings alert) {

    /** Producer compression of the app's own producers, unless {@code kafka.producer.compression.type} says else. */
    public static final String COMPRESSION = "snappy";
    /** Batch size of the Streams producer, unless {@code kafka.producer.batch.size} says else. */
    public static final int STREAMS_BATCH_BYTES = 128 * 1024;

    /** The same settings with the local state (broker log, Streams stores) under {@code newDataDir}. */
    public AppConfig withDataDir(Path newDataDir) {
        return new AppConfig(configDir, demo, newDataDir, feedsFile, agendaFile, kafka, ingest, web, alert);
    }

    public AppConfig withKafka(KafkaSettings newKafka) {
        return new AppConfig(configDir, demo, dataDir, feedsFile, agendaFile, newKafka, ingest, web, alert);
    }

    /**
     * Kafka Streams settings: the user's {@code kafka.*} pass-through keys first, then our defaults where the user
     * set nothing ({@code putIfAbsent}), then the few settings that define the application and must not drift.
     */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(kafka.passthrough());
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(kafka.commitIntervalMs()));
        p.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(kafka.numThreads()));
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(kafka.replicationFactor()));
        // The record cache delays output until commit; with a 100 ms commit it bounds memory, not latency.
        p.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(10L * 1024 * 1024));
        // Snappy rather than lz4: Kafka's lz4 stream allocates two 64 KB buffers for every batch it opens (40% of the
        // stream thread's allocation in a JFR profile), snappy-java recycles its buffers; see docs/performance.md.
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), COMPRESSION);
        // 128 KB batches instead of 16 KB: a matched article goes to three topics at 1-2 KB each, and every batch
        // costs the broker a request's worth of validation and log append (its CPU per article measured 20 µs less).
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG),
                String.valueOf(STREAMS_BATCH_BYTES));
        // Static membership: a restarted (or crashed and restarted) instance takes its partitions back at once
        // instead of waiting for its old member to time out. Streams appends the thread index to this id.
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), kafka.instanceId());
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                String.valueOf(kafka.sessionTimeoutMs()));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.clientBootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, kafka.processingGuarantee());
        p.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toAbsolutePath().toString());
        return p;
    }

    /** Producer settings for the ingest stage: idempotent, all replicas, our pass-through keys included. */
    public Properties producerProperties(String clientId) {
        Properties p = new Properties();
        kafka.passthrough().forEach((k, v) -> {
            if (k.startsWith("producer.")) {
                p.put(k.substring("producer.".length()), v);
            }
        });
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        // While the broker is away a poll must fail (and its feed back off) within seconds rather than park the
        // fetch worker for minutes: send() blocks at most max.block.ms for metadata or buffer space, a record
        // fails after delivery.timeout.ms, and what waits in between is capped by buffer.memory. The items are not
        // lost: the feed's validators stay put, so the next poll offers them again.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(16L * 1024 * 1024));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.clientBootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
