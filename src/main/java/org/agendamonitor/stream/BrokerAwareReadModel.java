package org.agendamonitor.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.agendamonitor.kafka.BrokerProbe;

/**
 * A read model that is "not ready" while the broker is unreachable, whatever state Kafka Streams reports (it can
 * read RUNNING for minutes while every fetch and commit times out). So {@code /health} and the API answer 503 with
 * the Streams state and a broker note, e.g. {@code RUNNING; kafka unreachable for 12 s (TimeoutException ...)}.
 * The local stores are still consistent then, only stale; the API says so rather than serve them as current.
 */
public final class BrokerAwareReadModel extends ForwardingReadModel {
    private final Supplier<BrokerProbe.Status> broker;
    private final Clock clock;

    public BrokerAwareReadModel(AgendaReadModel delegate, Supplier<BrokerProbe.Status> broker, Clock clock) {
        super(delegate);
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean ready() {
        return broker.get().reachable() && delegate().ready();
    }

    @Override
    public String state() {
        BrokerProbe.Status s = broker.get();
        if (s.reachable()) {
            return delegate().state();
        }
        long seconds = Duration.between(s.since(), clock.instant()).toSeconds();
        return delegate().state() + "; kafka unreachable for " + seconds + " s (" + s.error() + ")";
    }
}
