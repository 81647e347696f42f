package org.agendamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestartFromTheSameDirectory() throws Exception {
        int port;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0, 0).start()) {
            port = broker.port();
            List<String> created = new TopicAdmin(broker.bootstrapServers()).ensureTopics(Topics.ALL, 2, (short) 1);
            assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
            produce(broker.bootstrapServers(), "k1", "before restart");
            assertThat(compactionOf(broker.bootstrapServers(), Topics.PROGRESS.name())).isEqualTo("compact");
        }
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, port, 0).start()) {
            assertThat(new TopicAdmin(broker.bootstrapServers()).ensureTopics(Topics.ALL, 2, (short) 1)).isEmpty();
            produce(broker.bootstrapServers(), "k2", "after restart");
            assertThat(readAll(broker.bootstrapServers(), 2)).containsExactlyInAnyOrder("before restart",
                    "after restart");
        }
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0, 0).start()) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
                assertThat(s.isConnected()).isTrue();
            }
            InetAddress nonLoopback = firstNonLoopbackAddress();
            if (nonLoopback != null) {
                boolean refused;
                try (Socket s = new Socket(nonLoopback, broker.port())) {
                    refused = false;
                } catch (java.io.IOException e) {
                    refused = true;
                }
                assertThat(refused).as("broker must not accept connections on " + nonLoopback).isTrue();
            }
        }
    }

    private static InetAddress firstNonLoopbackAddress() throws Exception {
        var interfaces = java.net.NetworkInterface.getNetworkInterfaces();
        while (interfaces.hasMoreElements()) {
            var addresses = interfaces.nextElement().getInetAddresses();
            while (addresses.hasMoreElements()) {
                InetAddress a = addresses.nextElement();
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), key, value)).get();
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_RAW.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static String compactionOf(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(d.partitions()).hasSize(2);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}
