package org.agendamonitor.config;

import java.time.Duration;
import java.util.List;

/**
 * When a story about a recommendation becomes an alert (read by the alerting stage).
 *
 * @param enabled         whether this recommendation alerts at all
 * @param minOutlets      distinct outlets that must carry the story within the window
 * @param window          the window in which outlets are counted
 * @param cooldown        no second alert for the same recommendation within this time
 * @param spikeFactor     matched-article rate over the usual rate that counts as a spike
 * @param officialSources feed ids whose milestone matches alert on their own
 */
public record AlertRule(
        boolean enabled, int minOutlets, Duration window, Duration cooldown, double spikeFactor,
        List<String> officialSources) {

    public AlertRule {
        officialSources = officialSources == null ? List.of() : List.copyOf(officialSources);
        if (minOutlets < 1 || window.isNegative() || window.isZero() || cooldown.isNegative() || spikeFactor <= 0) {
            throw new IllegalArgumentException("bad alert rule: min_outlets=" + minOutlets + " window=" + window
                    + " cooldown=" + cooldown + " spike_factor=" + spikeFactor);
        }
    }

    /** The defaults: on unless told otherwise, 3 outlets in 60 minutes, 60 minutes of cooldown, spike factor 3. */
    public static AlertRule defaults(boolean enabled) {
        return new AlertRule(enabled, 3, Duration.ofMinutes(60), Duration.ofMinutes(60), 3.0, List.of());
    }
}
