package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/** Matched articles and new stories in the UTC hour starting at {@code hour}. */
public record HourlyCount(Instant hour, long articles, long stories) {
    public HourlyCount {
        Objects.requireNonNull(hour, "hour");
    }
}
