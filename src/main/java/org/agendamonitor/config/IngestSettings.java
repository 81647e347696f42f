package org.agendamonitor.config;

import java.time.Duration;

/** How feeds are polled and fetched; every limit applies to every request. */
public record IngestSettings(
        boolean enabled,
        Duration interval,
        Duration minInterval,
        Duration maxInterval,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int concurrency,
        int perHostConcurrency,
        String userAgent,
        boolean allowPrivateAddresses) {

    /** Defaults for tools and tests that fetch or parse without a config directory (check-feeds, bench). */
    public static IngestSettings defaults() {
        return new IngestSettings(true, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(1),
                Duration.ofHours(6), Duration.ofSeconds(10), Duration.ofSeconds(20), 15L * 1024 * 1024, 5, 8, 2,
                "AgendaMonitor/0.1", false);
    }
}
