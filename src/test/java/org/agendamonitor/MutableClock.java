package org.agendamonitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so "now" is explicit in every assertion. */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Duration tick = Duration.ZERO;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** From now on every read moves the clock by {@code step} first, as if each reader took that long. */
    public void tickOnEveryRead(Duration step) {
        tick = step;
    }

    @Override
    public synchronized Instant instant() {
        if (!tick.isZero()) {
            now = now.plus(tick);
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
