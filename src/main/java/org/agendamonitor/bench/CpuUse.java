package org.agendamonitor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time this JVM spent, split by who spent it: the Kafka Streams stream threads, the JIT compilers, the
 * garbage collector, and the rest (the embedded broker, the clients' I/O threads, the bench itself). On two cores
 * throughput is bounded by the stream thread or by the CPU of the whole process, and the wall-clock rate of
 * identical runs spreads by ±20% here; the split says which part of the process a change, or a slow run, moved.
 *
 * <p>Java threads are read through {@link ThreadMXBean} (full names); the compiler and GC threads are not Java
 * threads, so they and the process total come from {@code /proc/self} (Linux; elsewhere the split is "n/a").
 */
final class CpuUse {
    static final String STREAM = "stream threads";
    static final String JIT = "JIT compiler";
    static final String GC = "GC";
    static final String REST = "broker, clients and the rest";
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path PROCESS = Path.of("/proc/self/stat");
    /** USER_HZ: the unit of utime and stime in {@code /proc}; 100 on every Linux this runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    /** CPU nanoseconds per role at one moment; {@code total} is the whole process, dead threads included. */
    record Snapshot(long total, Map<String, Long> byRole) {
    }

    private CpuUse() {
    }

    /** Now; null where {@code /proc} cannot be read (not Linux). */
    static Snapshot take() {
        try {
            Map<String, Long> roles = new LinkedHashMap<>();
            roles.put(STREAM, streamThreadNanos());
            long jit = 0;
            long gc = 0;
            try (Stream<Path> tasks = Files.list(TASKS)) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended between the listing and the read
                    }
                    String name = commandName(stat);
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += cpuNanos(stat);
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += cpuNanos(stat);
                    }
                }
            }
            roles.put(JIT, jit);
            roles.put(GC, gc);
            return new Snapshot(cpuNanos(Files.readString(PROCESS)), roles);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * "412 µs (stream threads 205, JIT compiler 60, GC 31, broker, clients and the rest 116)": CPU per record
     * between two snapshots, or "n/a".
     */
    static String perRecord(Snapshot before, Snapshot after, long records) {
        if (before == null || after == null || records <= 0) {
            return "n/a";
        }
        long total = after.total() - before.total();
        StringBuilder parts = new StringBuilder();
        long accounted = 0;
        for (Map.Entry<String, Long> role : after.byRole().entrySet()) {
            long spent = Math.max(0, role.getValue() - before.byRole().getOrDefault(role.getKey(), 0L));
            accounted += spent;
            parts.append(role.getKey()).append(' ').append(micros(spent, records)).append(", ");
        }
        parts.append(REST).append(' ').append(micros(Math.max(0, total - accounted), records));
        return micros(total, records) + " µs (" + parts + ")";
    }

    /** The stream threads' CPU per record between two snapshots, in µs; NaN where it could not be read. */
    static double streamThreadMicros(Snapshot before, Snapshot after, long records) {
        if (before == null || after == null || records <= 0) {
            return Double.NaN;
        }
        return Math.max(0, after.byRole().get(STREAM) - before.byRole().get(STREAM)) / 1e3 / records;
    }

    private static String micros(long nanos, long records) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e3 / records);
    }

    /** CPU of the live Kafka Streams stream threads (not their producers' I/O threads). */
    private static long streamThreadNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("no thread CPU time on this JVM");
        }
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isStreamThread(info.getThreadName())) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    static boolean isStreamThread(String name) {
        return name.contains("-StreamThread-") && !name.startsWith("kafka-producer-network-thread");
    }

    /** The thread's name in {@code /proc/<pid>/task/<tid>/stat}: between the first '(' and the last ')'. */
    static String commandName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime (fields 14 and 15, counted from the pid), after the name, which may hold spaces. */
    static long cpuNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
    }
}
