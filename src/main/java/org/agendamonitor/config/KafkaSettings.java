package org.agendamonitor.config;

import java.util.Map;

/**
 * Where the broker is and how Kafka Streams runs.
 *
 * @param bootstrapServers    external cluster, or null to start the embedded broker
 * @param embeddedPort        port of the embedded broker (client listener)
 * @param controllerPort      KRaft controller port of the embedded broker, 0 = any free port
 * @param matchAheadThreads   threads matching articles ahead of the stream threads (0 = none)
 * @param passthrough         {@code kafka.*} keys that are not ours, prefix removed, handed to the Kafka clients
 */
public record KafkaSettings(
        String bootstrapServers,
        int embeddedPort,
        int controllerPort,
        String applicationId,
        String instanceId,
        String processingGuarantee,
        int commitIntervalMs,
        int numThreads,
        int matchAheadThreads,
        int sessionTimeoutMs,
        int partitions,
        short replicationFactor,
        Map<String, String> passthrough) {

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers.trim();
        passthrough = Map.copyOf(passthrough);
    }

    public boolean embedded() {
        return bootstrapServers == null;
    }

    /** The servers clients connect to: the external cluster, or the embedded broker on loopback. */
    public String clientBootstrap() {
        return embedded() ? "127.0.0.1:" + embeddedPort : bootstrapServers;
    }

    public KafkaSettings withEmbeddedPort(int port) {
        return new KafkaSettings(bootstrapServers, port, controllerPort, applicationId, instanceId,
                processingGuarantee, commitIntervalMs, numThreads, matchAheadThreads, sessionTimeoutMs, partitions,
                replicationFactor, passthrough);
    }
}
