package org.agendamonitor.web;

import java.util.Locale;
import java.util.Map;

/** Short display names for the recommendation ids (a contract), for chips where the full title does not fit. */
final class Labels {
    private static final Map<String, String> SHORT = Map.of(
            "merida", "Mérida / security",
            "demand_guns_cash", "Demand, guns & cash",
            "usmca", "USMCA");

    private Labels() {
    }

    static String shortLabel(String id) {
        return id == null ? "" : SHORT.getOrDefault(id, id);
    }

    /** A value safe inside a class name: lower-case letters, digits and dashes only. */
    static String cssId(String id) {
        return id == null ? "none" : id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
