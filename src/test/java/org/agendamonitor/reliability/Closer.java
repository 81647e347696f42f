package org.agendamonitor.reliability;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a test started (farm, brokers, app processes), closed in reverse order after it, whatever happened. */
final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
