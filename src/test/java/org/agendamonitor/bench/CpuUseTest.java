package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuUseTest {
    /** A compiler thread's line: the name holds a space, and a name may even hold ") ". */
    private static final String STAT = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 2761 0 0 0 "
            + "1534 87 0 0 20 0 90 0 512 10611290112 290000 18446744073709551615";

    @Test
    void readsTheNameAndTheCpuTicksOfAProcStatLine() {
        assertThat(CpuUse.commandName(STAT)).isEqualTo("C2 CompilerThre");
        assertThat(CpuUse.cpuNanos(STAT)).isEqualTo((1534L + 87) * 10_000_000L);
        String odd = "7 (a) b (c) R 1 7 7 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 1 1 1 1";
        assertThat(CpuUse.commandName(odd)).isEqualTo("a) b (c");
        assertThat(CpuUse.cpuNanos(odd)).isEqualTo(11 * 10_000_000L);
    }

    @Test
    void tellsStreamThreadsFromTheirProducers() {
        assertThat(CpuUse.isStreamThread("agenda-monitor-9b94e95a-f6c9-StreamThread-1")).isTrue();
        assertThat(CpuUse.isStreamThread(
                "kafka-producer-network-thread | agenda-monitor-9b94e95a-StreamThread-1-producer")).isFalse();
        assertThat(CpuUse.isStreamThread("agenda-monitor-9b94e95a-StateUpdater-1")).isFalse();
    }

    @Test
    void chargesABusyStreamThreadToTheStreamRole() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        AtomicLong sink = new AtomicLong();
        // Spins longer than it is watched: a thread that has ended is no longer listed, so its time is not counted.
        Thread busy = new Thread(() -> {
            long until = System.nanoTime() + 700_000_000L;
            long x = 1;
            while (System.nanoTime() < until) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink.set(x);
        }, "test-app-StreamThread-1");
        busy.start();
        Thread.sleep(20);
        CpuUse.Snapshot start = CpuUse.take();
        Thread.sleep(300);
        CpuUse.Snapshot end = CpuUse.take();
        busy.join();

        assertThat(start).isNotNull();
        assertThat(end.byRole()).containsKeys(CpuUse.STREAM, CpuUse.JIT, CpuUse.GC);
        long stream = end.byRole().get(CpuUse.STREAM) - start.byRole().get(CpuUse.STREAM);
        assertThat(stream).as("stream-thread CPU while one spun for the 300 ms watched").isGreaterThan(150_000_000L);
        assertThat(end.total() - start.total()).as("the process total covers it (10 ms ticks)")
                .isGreaterThanOrEqualTo(stream - 20_000_000L);
        assertThat(CpuUse.perRecord(start, end, 1_000)).matches(
                "\\d+ µs \\(stream threads \\d+, JIT compiler \\d+, GC \\d+, broker, clients and the rest \\d+\\)");
        assertThat(CpuUse.perRecord(null, end, 1_000)).isEqualTo("n/a");
        assertThat(CpuUse.streamThreadMicros(start, end, 1_000)).isEqualTo(stream / 1e3 / 1_000);
        assertThat(CpuUse.streamThreadMicros(null, end, 1_000)).isNaN();
    }
}
