package org.agendamonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The three recommendations of the brief. Their ids are a contract (topics, metric labels, eval files). */
public enum Recommendation {
    MERIDA("merida"),
    DEMAND_GUNS_CASH("demand_guns_cash"),
    USMCA("usmca");

    private final String id;

    Recommendation(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a contract id such as {@code usmca}; rejects anything else with the bad value in the message. */
    @JsonCreator
    public static Recommendation fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown recommendation id '" + id + "' (expected merida, demand_guns_cash or usmca)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
