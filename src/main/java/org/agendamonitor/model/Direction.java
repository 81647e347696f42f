package org.agendamonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an article signals that a recommendation moves forward, backward, or neither. */
public enum Direction {
    ADVANCE,
    SETBACK,
    NEUTRAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
