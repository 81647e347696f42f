package org.agendamonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.agendamonitor.config.FeedSource;

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

    static FeedSource feed(String id) {
        return new FeedSource(id, "Test " + id, URI.create("https://feeds.example.com/" + id + ".xml"), "test", null,
                null);
    }
}
