package org.agendamonitor.kafka;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What an operator would look at first when writes to an in-process broker stop being acknowledged: who leads each
 * partition of the topic, whether a log directory is offline, how much disk and how many file descriptors are left,
 * and where the broker's request threads and the producers' network threads are parked. Written for the benchmark's
 * bulk load, which twice lost records on CI (one batch, then most of 3,000) and left nothing but the producer's
 * timeout to go on.
 *
 * <p>Each part is gathered on its own and a part that cannot be had says why, so a wedged broker still yields the
 * file-system and thread parts.
 */
public final class BrokerDiagnostics {
    private static final long ADMIN_TIMEOUT_MS = 10_000;
    private static final int FRAMES = 8;
    /** Broker request handlers and network processors, the controller's event loop, and client I/O threads. */
    private static final Predicate<String> INTERESTING_THREAD = name -> Stream.of("request-handler",
            "data-plane", "network-thread", "quorum-controller", "to-controller", "raft").anyMatch(name::contains);

    private BrokerDiagnostics() {
    }

    /** A multi-line report on {@code topic} of the broker at {@code bootstrap}, whose data lives in {@code dataDir}. */
    public static String describe(String bootstrap, String topic, Path dataDir) {
        StringBuilder out = new StringBuilder("broker diagnostics (").append(bootstrap).append("):\n");
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MS);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "agenda-broker-diagnostics");
        try (Admin admin = Admin.create(p)) {
            out.append("  partitions of ").append(topic).append(": ").append(partitions(admin, topic)).append('\n');
            out.append("  log dirs: ").append(logDirs(admin)).append('\n');
        }
        out.append("  disk: ").append(disk(dataDir)).append('\n');
        out.append("  file descriptors: ").append(fileDescriptors()).append('\n');
        out.append(threads(INTERESTING_THREAD));
        return out.toString();
    }

    static String partitions(Admin admin, String topic) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            StringBuilder b = new StringBuilder();
            for (TopicPartitionInfo partition : d.partitions()) {
                b.append(String.format(Locale.ROOT, "[%d leader=%s isr=%s] ", partition.partition(),
                        partition.leader() == null || partition.leader().isEmpty() ? "none" : partition.leader().id(),
                        partition.isr().stream().map(Node::id).toList()));
            }
            return b.toString().trim();
        } catch (Exception e) {
            return "unavailable: " + failure(e);
        }
    }

    static String logDirs(Admin admin) {
        try {
            Map<Integer, Map<String, LogDirDescription>> all = admin.describeLogDirs(
                    admin.describeCluster().nodes().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                            .map(Node::id).toList()).allDescriptions().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            StringBuilder b = new StringBuilder();
            all.forEach((node, dirs) -> dirs.forEach((dir, d) -> b.append("node ").append(node).append(' ')
                    .append(dir).append(d.error() == null ? " ok" : " FAILED " + d.error()).append("; ")));
            return b.length() == 0 ? "none reported" : b.toString().trim();
        } catch (Exception e) {
            return "unavailable: " + failure(e);
        }
    }

    static String disk(Path dataDir) {
        try {
            Path existing = dataDir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return "no part of " + dataDir + " exists";
            }
            var store = Files.getFileStore(existing);
            return String.format(Locale.ROOT, "%d MB usable of %d MB on %s (%s)", store.getUsableSpace() >> 20,
                    store.getTotalSpace() >> 20, store.name(), existing);
        } catch (IOException e) {
            return "unavailable: " + failure(e);
        }
    }

    /** Open descriptors and the soft limit, from /proc (Linux); elsewhere it says it cannot tell. */
    static String fileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return "not known on this system";
        }
        try (Stream<Path> open = Files.list(fds);
             Stream<String> limits = Files.lines(Path.of("/proc/self/limits"))) {
            String limit = limits.filter(l -> l.startsWith("Max open files")).findFirst()
                    .map(l -> l.replaceAll("^Max open files\\s+(\\S+).*$", "$1")).orElse("?");
            return open.count() + " open, soft limit " + limit;
        } catch (IOException e) {
            return "unavailable: " + failure(e);
        }
    }

    /**
     * One line per live thread whose name passes {@code select}: its state and the first frame outside the JDK,
     * which says what it waits for (an idle request handler waits in {@code RequestChannel.receiveRequest}). A thread
     * blocked on a monitor or on a lock another thread holds gets its top frames too.
     */
    static String threads(Predicate<String> select) {
        StringBuilder b = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, FRAMES)) {
            if (info == null || !select.test(info.getThreadName())) {
                continue;
            }
            StackTraceElement[] frames = info.getStackTrace();
            b.append("  thread \"").append(info.getThreadName()).append("\" ").append(info.getThreadState())
                    .append(" in ").append(Stream.of(frames).filter(f -> !isJdk(f)).findFirst()
                            .map(StackTraceElement::toString).orElse(frames.length == 0 ? "?" : frames[0].toString()));
            boolean stuckBehindAnother = info.getThreadState() == Thread.State.BLOCKED
                    || info.getLockOwnerName() != null;
            if (stuckBehindAnother) {
                b.append(" on ").append(info.getLockName()).append(" held by \"").append(info.getLockOwnerName())
                        .append('"');
            }
            b.append('\n');
            if (stuckBehindAnother) {
                for (StackTraceElement frame : frames) {
                    b.append("      at ").append(frame).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static boolean isJdk(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    private static String failure(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
