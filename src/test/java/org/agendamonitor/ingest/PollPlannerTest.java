package org.agendamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollPlannerTest {
    private static final IngestSettings SETTINGS = new IngestSettings(true, Duration.ofMinutes(15),
            Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofHours(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1024, 5, 4, 2, "ua", false);
    private final PollPlanner planner = new PollPlanner(SETTINGS);
    private final FeedSource feed = new FeedSource("f", "F", URI.create("https://example.com/f"), "", null, null);

    @ParameterizedTest(name = "failure {0} -> {1} min")
    @CsvSource({"1, 15", "2, 30", "3, 60", "4, 120", "5, 120", "40, 120"})
    void shouldBackOffExponentiallyUpToTheCap(int failures, long minutes) {
        assertThat(planner.afterFailure(feed, failures, null, 0)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void shouldNeverJitterPastTheBackOffCap() {
        assertThat(planner.afterFailure(feed, 10, null, 0.99)).isEqualTo(SETTINGS.maxBackoff());
    }

    @Test
    void shouldHonourRetryAfterUpToTheMaximumInterval() {
        assertThat(planner.afterFailure(feed, 1, Duration.ofHours(3), 0)).isEqualTo(Duration.ofHours(3));
        assertThat(planner.afterFailure(feed, 1, Duration.ofDays(30), 0)).isEqualTo(SETTINGS.maxInterval());
        assertThat(planner.afterFailure(feed, 1, Duration.ofSeconds(1), 0)).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "ttl={0} maxAge={1} -> {2} min")
    @CsvSource(nullValues = "null", value = {
        "null, null, 15",
        "60,   null, 60",
        "null, 1800, 30",
        "60,   7200, 120",
        "5,    60,   15",
        "10000, null, 720"})
    void shouldHonourTheFeedsOwnHintsWithinBounds(Integer ttl, Long maxAgeSeconds, long minutes) {
        Duration fresh = maxAgeSeconds == null ? null : Duration.ofSeconds(maxAgeSeconds);

        assertThat(planner.afterSuccess(feed, ttl, fresh, 0)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void shouldUseThePerFeedIntervalClampedToTheMinimum() {
        FeedSource fast = new FeedSource("f", "F", URI.create("https://example.com/f"), "", null,
                Duration.ofSeconds(10));
        FeedSource slow = new FeedSource("f", "F", URI.create("https://example.com/f"), "", null, Duration.ofHours(1));

        assertThat(planner.afterSuccess(fast, null, null, 0)).isEqualTo(SETTINGS.minInterval());
        assertThat(planner.afterSuccess(slow, null, null, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldAddAtMostTenPercentJitter() {
        assertThat(planner.afterSuccess(feed, null, null, 1.0)).isEqualTo(Duration.ofMinutes(15).plusSeconds(90));
        assertThat(planner.firstDelay(feed, 0.5)).isEqualTo(Duration.ofSeconds(30));
    }
}
