package org.agendamonitor.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check of what exactly-once rests on. Kafka's docs say a transaction is only as durable as the replicas
 * that acknowledged it: with one broker, replication factor 1 or {@code min.insync.replicas=1}, a committed record
 * can be lost with one disk (or one unclean leader election), and "exactly once" quietly becomes "at most once" for
 * that record. The check reads the cluster size, every contract topic's replication factor and
 * {@code min.insync.replicas}, and the transaction log's settings, and returns one finding per weakness (logged as
 * WARN by {@link #warnIfWeakened}). It never stops start-up: a single-node dev broker is a legitimate choice.
 */
public final class TopicSettingsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSettingsCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int WANTED_REPLICAS = 3;
    static final int WANTED_MIN_ISR = 2;

    private final String bootstrapServers;

    public TopicSettingsCheck(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Runs the check and logs every finding as a WARN line; returns the findings (empty = production-grade). */
    public List<String> warnIfWeakened(Collection<String> topics) {
        List<String> findings = check(topics);
        findings.forEach(f -> LOG.warn("exactly-once weakened: {}", f));
        if (findings.isEmpty()) {
            LOG.info("topic settings check passed topics={} replicas>={} min_insync_replicas>={}", topics.size(),
                    WANTED_REPLICAS, WANTED_MIN_ISR);
        }
        return findings;
    }

    public List<String> check(Collection<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<ConfigResource> resources = topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
                    String.valueOf(nodes.iterator().next().id()));
            Config brokerConfig = admin.describeConfigs(List.of(broker)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(broker);
            return findings(nodes.size(), described, configs, brokerConfig);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while checking topic settings", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot check topic settings at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    public static List<String> findings(int brokers, Map<String, TopicDescription> topics, Map<ConfigResource, Config> configs,
            Config brokerConfig) {
        List<String> findings = new ArrayList<>();
        if (brokers < WANTED_REPLICAS) {
            findings.add("cluster has " + brokers + " broker(s): no replication can survive a lost disk "
                    + "(want >= " + WANTED_REPLICAS + ")");
        }
        for (TopicDescription t : topics.values()) {
            int replicas = t.partitions().stream().mapToInt(pi -> pi.replicas().size()).min().orElse(0);
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
            int minIsr = intValue(c, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            if (replicas < WANTED_REPLICAS) {
                findings.add("topic " + t.name() + " replication.factor=" + replicas + " (want >= "
                        + WANTED_REPLICAS + ")");
            }
            if (minIsr < WANTED_MIN_ISR) {
                findings.add("topic " + t.name() + " min.insync.replicas=" + minIsr + " (want >= "
                        + WANTED_MIN_ISR + ")");
            }
            if ("true".equals(value(c, TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG))) {
                findings.add("topic " + t.name() + " unclean.leader.election.enable=true");
            }
        }
        int txnReplicas = intValue(brokerConfig, "transaction.state.log.replication.factor");
        int txnMinIsr = intValue(brokerConfig, "transaction.state.log.min.isr");
        if (txnReplicas < WANTED_REPLICAS || txnMinIsr < WANTED_MIN_ISR) {
            findings.add("transaction state log replication.factor=" + txnReplicas + " min.isr=" + txnMinIsr
                    + " (want >= " + WANTED_REPLICAS + " and >= " + WANTED_MIN_ISR + ")");
        }
        return findings;
    }

    private static String value(Config c, String key) {
        ConfigEntry e = c == null ? null : c.get(key);
        return e == null ? null : e.value();
    }

    private static int intValue(Config c, String key) {
        String v = value(c, key);
        try {
            return v == null ? 1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
