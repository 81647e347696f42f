package org.agendamonitor.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft broker in its own JVM ({@code org.agendamonitor.kafka.StandaloneBroker}) on fixed loopback
 * ports, so the test can kill and restart it under a running app, which sees the same address come and go.
 */
final class BrokerProcess implements AutoCloseable {
    private final Path dir;
    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private ChildJvm jvm;
    private int starts;

    BrokerProcess(Path dir, Path logDir) {
        this.dir = dir.toAbsolutePath();
        this.logDir = logDir;
        this.port = LoopbackPorts.free();
        this.controllerPort = LoopbackPorts.free();
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker JVM and returns once it answers a metadata request (bounded). */
    BrokerProcess start() throws Exception {
        starts++;
        jvm = ChildJvm.start("broker-" + starts, logDir.resolve("broker-" + starts + ".log"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"), "org.agendamonitor.kafka.StandaloneBroker",
                List.of(dir.toString(), String.valueOf(port), String.valueOf(controllerPort)));
        Await.millis(this::answers, Scenario.STARTUP, () -> jvm.tail(30));
        return this;
    }

    ChildJvm jvm() {
        return jvm;
    }

    private boolean answers() {
        if (!jvm.alive()) {
            throw new AssertionError("broker exited: " + jvm.tail(30));
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }
}
