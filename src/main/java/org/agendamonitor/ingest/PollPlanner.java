package org.agendamonitor.ingest;

import java.time.Duration;
import java.util.Objects;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;

/**
 * When to poll a feed next. Pure arithmetic, so every rule is unit-tested without a clock or a server.
 * <ul>
 *   <li>After a success: the feed's interval (OPML override, else the default), lengthened to what the feed asks
 *       for (RSS {@code <ttl>}, {@code Cache-Control: max-age}, {@code Expires}), kept within [min, max].</li>
 *   <li>After a failure: exponential back-off from the interval, doubling per consecutive failure up to
 *       {@code maxBackoff}; it never gives up. A {@code Retry-After} (429, 503) is honoured up to the max
 *       interval.</li>
 *   <li>Jitter: up to +10%, so feeds that started together drift apart.</li>
 * </ul>
 */
final class PollPlanner {
    static final double JITTER = 0.10;
    private final IngestSettings settings;

    PollPlanner(IngestSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    Duration interval(FeedSource feed) {
        return clamp(feed.pollInterval() != null ? feed.pollInterval() : settings.interval());
    }

    /** Delay before the first poll: spread over the first tenth of the interval (at most a minute). */
    Duration firstDelay(FeedSource feed, double random) {
        long spreadMillis = Math.min(interval(feed).toMillis() / 10, Duration.ofMinutes(1).toMillis());
        return Duration.ofMillis((long) (spreadMillis * random));
    }

    Duration afterSuccess(FeedSource feed, Integer ttlMinutes, Duration freshFor, double random) {
        Duration wanted = interval(feed);
        if (ttlMinutes != null && ttlMinutes > 0) {
            wanted = longer(wanted, Duration.ofMinutes(ttlMinutes));
        }
        if (freshFor != null) {
            wanted = longer(wanted, freshFor);
        }
        return clamp(jitter(clamp(wanted), random));
    }

    Duration afterFailure(FeedSource feed, int consecutiveFailures, Duration retryAfter, double random) {
        Duration base = interval(feed);
        int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 30));
        Duration backoff = base.multipliedBy(1L << doublings);
        Duration cap = longer(settings.maxBackoff(), settings.minInterval());
        Duration delay = backoff.compareTo(cap) > 0 ? cap : backoff;
        delay = jitter(delay, random);
        delay = delay.compareTo(cap) > 0 ? cap : delay;
        if (retryAfter != null) {
            Duration honoured = retryAfter.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : retryAfter;
            delay = longer(delay, honoured);
        }
        return delay;
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(settings.minInterval()) < 0) {
            return settings.minInterval();
        }
        return d.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : d;
    }

    private static Duration jitter(Duration d, double random) {
        return d.plusMillis((long) (d.toMillis() * JITTER * random));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
