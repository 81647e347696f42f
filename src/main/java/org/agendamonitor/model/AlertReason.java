package org.agendamonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which breaking-story rule raised an alert. */
public enum AlertReason {
    /** The story reached the rule's number of distinct outlets within its window. */
    OUTLETS,
    /** A milestone was matched in an article from an official source. */
    OFFICIAL_MILESTONE,
    /** The recommendation's matched articles in one hour exceeded spike_factor times the 7-day hourly baseline. */
    SPIKE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertReason fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
