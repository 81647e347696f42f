package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/** A named milestone of a recommendation and the last time an article reported it (null = never). */
public record MilestoneSeen(String id, String label, Instant lastSeen) {
    public MilestoneSeen {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
    }
}
