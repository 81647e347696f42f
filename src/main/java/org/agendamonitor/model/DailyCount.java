package org.agendamonitor.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/** Matched articles (and new stories) of one UTC calendar day, {@code date} as {@code 2026-11-28}. */
public record DailyCount(
        String date,
        long articles,
        long stories,
        @JsonProperty("by_language") Map<String, Long> byLanguage) {

    public DailyCount {
        Objects.requireNonNull(date, "date");
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
    }
}
