package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.agendamonitor.kafka.TopicSettingsCheck;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class TopicSettingsCheckTest {
    private static final String TOPIC = "agenda.articles.raw.v1";

    @Test
    void shouldFindNothingOnAProductionShapedCluster() {
        assertThat(TopicSettingsCheck.findings(3, topic(3), topicConfig("2", "false"), brokerConfig("3", "2")))
                .isEmpty();
    }

    @Test
    void shouldNameEveryWeaknessOfASingleBrokerSetUp() {
        List<String> findings = TopicSettingsCheck.findings(1, topic(1), topicConfig("1", "false"),
                brokerConfig("1", "1"));
        assertThat(findings).hasSize(4);
        assertThat(findings).anyMatch(f -> f.contains("1 broker(s)"));
        assertThat(findings).anyMatch(f -> f.contains(TOPIC + " replication.factor=1"));
        assertThat(findings).anyMatch(f -> f.contains(TOPIC + " min.insync.replicas=1"));
        assertThat(findings).anyMatch(f -> f.contains("transaction state log replication.factor=1 min.isr=1"));
    }

    @Test
    void shouldFlagUncleanLeaderElectionEvenWithEnoughReplicas() {
        assertThat(TopicSettingsCheck.findings(3, topic(3), topicConfig("2", "true"), brokerConfig("3", "2")))
                .containsExactly("topic " + TOPIC + " unclean.leader.election.enable=true");
    }

    private static Map<String, TopicDescription> topic(int replicas) {
        List<Node> nodes = List.of(new Node(1, "h", 1), new Node(2, "h", 2), new Node(3, "h", 3)).subList(0, replicas);
        TopicPartitionInfo p = new TopicPartitionInfo(0, nodes.get(0), nodes, nodes);
        return Map.of(TOPIC, new TopicDescription(TOPIC, false, List.of(p)));
    }

    private static Map<ConfigResource, Config> topicConfig(String minIsr, String unclean) {
        return Map.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC), new Config(List.of(
                new ConfigEntry("min.insync.replicas", minIsr),
                new ConfigEntry("unclean.leader.election.enable", unclean))));
    }

    private static Config brokerConfig(String txnReplicas, String txnMinIsr) {
        return new Config(List.of(new ConfigEntry("transaction.state.log.replication.factor", txnReplicas),
                new ConfigEntry("transaction.state.log.min.isr", txnMinIsr)));
    }
}
