package org.agendamonitor.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.agendamonitor.config.FeedSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the feed list between the instances that share an {@code application.id}, with Kafka's group membership
 * doing the bookkeeping. Each feed hashes (murmur2 of its id, as Kafka's partitioner does for keys) to one of the
 * {@value #PARTITIONS} partitions of {@code agenda.feeds.ownership.v1}; every instance joins the consumer group
 * {@code <application.id>-feed-owners} on that (empty) topic and polls only the feeds whose partition it is assigned.
 * A partition is revoked from its old owner before the assignor gives it to a new one (both the eager and the
 * cooperative protocol work that way), so no feed is polled by two live instances in one cycle; when an instance
 * dies its partitions move after {@code session.timeout.ms} (10 s here). Between assignments (start-up,
 * rebalances) an instance owns nothing and polls nothing: a short pause, never a double poll.
 */
public final class FeedOwnership implements Predicate<FeedSource>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedOwnership.class);
    public static final int PARTITIONS = 12;
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Thread member;
    private volatile boolean running = true;

    public FeedOwnership(String bootstrapServers, String applicationId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-feed-owners");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-feed-owner");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        member = new Thread(this::stayMember, "feed-ownership");
        member.setDaemon(true);
    }

    public FeedOwnership start() {
        member.start();
        return this;
    }

    /** The ownership partition of a feed: stable across instances and restarts. */
    public static int partitionOf(String feedId) {
        return Utils.toPositive(Utils.murmur2(feedId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    @Override
    public boolean test(FeedSource feed) {
        return owned.contains(partitionOf(feed.id()));
    }

    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    private void stayMember() {
        try {
            consumer.subscribe(List.of(Topics.FEED_OWNERSHIP.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(tp -> owned.remove(tp.partition()));
                    LOG.info("feed partitions revoked partitions={} owned={}", numbers(partitions), owned);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(tp -> owned.add(tp.partition()));
                    LOG.info("feed partitions assigned partitions={} owned={}", numbers(partitions), owned);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    onPartitionsRevoked(partitions);
                }
            });
            while (running) {
                consumer.poll(POLL); // the topic stays empty: polling is how a member keeps its membership
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            owned.clear();
            LOG.error("feed ownership stopped, this instance polls no feeds error={}", e.toString(), e);
        } finally {
            owned.clear();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        member.join(Duration.ofSeconds(10).toMillis());
    }
}
