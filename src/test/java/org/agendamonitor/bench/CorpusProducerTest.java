package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.agendamonitor.config.ConfigLoader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusProducerTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheIngestGuaranteesButWaitOutAStalledBrokerLongerThanTheIngestDoes() {
        Properties ingest = new ConfigLoader(Map.of()).load(dir, false, Map.of()).producerProperties("agenda-bench");
        Properties bulk = CorpusProducer.bulkLoad(ingest);

        for (String kept : new String[] {ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG,
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG}) {
            assertThat(bulk.get(kept)).as(kept).isEqualTo(ingest.get(kept));
        }
        for (String longer : new String[] {ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.MAX_BLOCK_MS_CONFIG}) {
            assertThat(millis(bulk, longer)).as(longer).isGreaterThan(millis(ingest, longer));
        }
        assertThat(ingest.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).as("the ingest's own stay put")
                .isEqualTo("30000");
        // the client refuses a delivery timeout shorter than linger + request timeout: this one must construct
        bulk.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(bulk, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            assertThat(producer.metrics()).isNotEmpty();
        }
    }

    private static long millis(Properties p, String key) {
        return Long.parseLong(String.valueOf(p.get(key)));
    }
}
