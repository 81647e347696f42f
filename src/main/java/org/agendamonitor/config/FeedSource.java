package org.agendamonitor.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One feed from {@code feeds.opml}.
 *
 * @param id           short stable id (metric label, article field); from the outline's {@code id} attribute or
 *                     derived from its title
 * @param title        display name of the outlet
 * @param url          http(s) or file URL of the feed
 * @param category     OPML folder, e.g. {@code government}, {@code wires}
 * @param language     declared language ({@code en}, {@code es}) or null to detect
 * @param pollInterval per-feed override of the polling interval, or null for the default
 */
public record FeedSource(String id, String title, URI url, String category, String language, Duration pollInterval) {
    public FeedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (id.isBlank()) {
            throw new IllegalArgumentException("feed id must not be blank (url " + url + ")");
        }
        title = title == null || title.isBlank() ? id : title;
        category = category == null ? "" : category;
    }
}
