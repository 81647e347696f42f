package org.agendamonitor.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the contract topics at start-up (the broker never auto-creates them) and leaves existing ones alone. */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(20);

    private final String bootstrapServers;

    public TopicAdmin(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Creates every missing topic in {@code topics} and returns once each new partition is served by its leader;
     * returns the names it created.
     *
     * <p>Why wait: the controller acknowledges a creation before the leader has applied it, and an idempotent
     * producer that starts at once (the bench's bulk load, the first poll of a new install) can have its first
     * request to a partition refused as NOT_LEADER_OR_FOLLOWER while its second, sent right behind, lands. The
     * broker (before Kafka 4.5, KAFKA-15591) then takes the second as the partition's first sequence and rejects
     * every retry of the first as out of order until the delivery timeout gives those records up.
     */
    public List<String> ensureTopics(List<TopicSpec<?, ?>> topics, int partitions, short replicationFactor) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> spec : topics) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("cannot create topic " + e.getKey() + ": "
                                + ex.getCause().getMessage(), ex.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                long waited = awaitServed(admin, created, partitions);
                LOG.info("created topics {} partitions={} replication_factor={} served_after_ms={}", created,
                        partitions, replicationFactor, waited);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot reach Kafka at " + bootstrapServers + " to create topics: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Waits until the leader of every partition of {@code topics} answers a ListOffsets for it, which the broker's
     * replica manager serves; returns the milliseconds waited. The admin client retries NOT_LEADER_OR_FOLLOWER by
     * itself, but fails a partition whose topic the broker's metadata does not know yet, so those are asked again.
     */
    private static long awaitServed(Admin admin, List<String> topics, int partitions)
            throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        Map<TopicPartition, OffsetSpec> pending = new HashMap<>();
        for (String topic : topics) {
            for (int partition = 0; partition < partitions; partition++) {
                pending.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Throwable lastRefusal = null;
        while (true) {
            ListOffsetsResult answers = admin.listOffsets(pending);
            for (TopicPartition partition : List.copyOf(pending.keySet())) {
                try {
                    answers.partitionResult(partition).get(Math.max(1, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                    pending.remove(partition);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RetriableException)) {
                        throw new KafkaException("partition " + partition + " of a new topic cannot be read: "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    lastRefusal = e.getCause();
                }
            }
            if (pending.isEmpty()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("new partitions " + pending.keySet() + " not served by their leader within "
                        + TIMEOUT.toSeconds() + " s; last refusal: " + lastRefusal);
            }
            Thread.sleep(RETRY_BACKOFF.toMillis());
        }
    }
}
