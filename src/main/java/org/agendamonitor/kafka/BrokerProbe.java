package org.agendamonitor.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster "who is there?" every few seconds, so {@code /health} can say the broker is gone instead of
 * reporting a Kafka Streams state that may still read RUNNING while every fetch and commit is timing out. Logs one
 * WARN when the broker becomes unreachable and one INFO when it is back, with the outage length.
 */
public final class BrokerProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** What the last probe found; {@code since} is when the current state began. */
    public record Status(boolean reachable, Instant since, String error) {
    }

    private final String bootstrapServers;
    private final Clock clock;
    private final Admin admin;
    private final ScheduledExecutorService timer;
    private volatile Status status;

    public BrokerProbe(String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "agenda-broker-probe");
        this.admin = Admin.create(p);
        this.status = new Status(true, clock.instant(), null);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public BrokerProbe start() {
        timer.scheduleWithFixedDelay(this::probe, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public Status status() {
        return status;
    }

    private void probe() {
        String error = null;
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            if (nodes == 0) {
                error = "no broker in the cluster metadata";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getCause() != null ? e.getCause().toString() : e.toString();
        }
        Status before = status;
        boolean reachable = error == null;
        Instant now = clock.instant();
        if (reachable != before.reachable()) {
            if (reachable) {
                LOG.info("kafka reachable again bootstrap={} outage_ms={}", bootstrapServers,
                        Duration.between(before.since(), now).toMillis());
            } else {
                LOG.warn("kafka unreachable bootstrap={} error=\"{}\"", bootstrapServers, error);
            }
            status = new Status(reachable, now, error);
        } else if (!reachable) {
            status = new Status(false, before.since(), error);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
