package org.agendamonitor.progress;

/**
 * Matched articles of a recommendation in one UTC hour, and the average per hour over the 7 days (168 hours) before
 * it: what the spike rule compares.
 */
public record HourlyVolume(long thisHour, double baselinePerHour) {
}
