package org.agendamonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.config.IngestSettings;

/** Fixture files from {@code src/test/resources/feeds/} and the feed they pretend to come from. */
final class Fixtures {
    static final Instant FETCHED_AT = Instant.parse("2024-03-07T12:00:00Z");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * Settings for tests: 15-minute interval within [1 min, 1 day], back-off capped at 2 h, 2 s connect timeout,
     * 5 redirects and a test User-Agent; the rest as given.
     */
    static IngestSettings settings(Duration requestTimeout, long maxBodyBytes, int concurrency, int perHost) {
        return new IngestSettings(true, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(1),
                Duration.ofHours(2), Duration.ofSeconds(2), requestTimeout, maxBodyBytes, 5, concurrency, perHost,
                "AgendaMonitorTest/1.0 (+https://example.org/bot)", false);
    }

    static FeedSource feed(String id) {
        return new FeedSource(id, "Test " + id, URI.create("https://feeds.example.com/" + id + ".xml"), "test", null,
                null);
    }
}
