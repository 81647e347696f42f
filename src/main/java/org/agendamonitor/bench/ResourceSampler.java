package org.agendamonitor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples heap in use and live threads every few milliseconds on a daemon thread, keeping the peaks. */
final class ResourceSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private final long baselineThreads;
    private final long baselineHeap;
    private final Thread sampler;
    private volatile boolean running = true;

    ResourceSampler() {
        System.gc(); // a baseline without the previous section's garbage
        baselineHeap = memory.getHeapMemoryUsage().getUsed();
        baselineThreads = threads.getThreadCount();
        threads.resetPeakThreadCount();
        sampler = new Thread(() -> {
            while (running) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long baselineThreads() {
        return baselineThreads;
    }

    /** Peak live threads since start, the sampler itself excluded. */
    long peakThreads() {
        return threads.getPeakThreadCount() - 1;
    }

    long baselineHeapMb() {
        return baselineHeap >> 20;
    }

    long peakHeapMb() {
        return peakHeap.get() >> 20;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
