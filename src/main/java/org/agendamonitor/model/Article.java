package org.agendamonitor.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One news item as it enters the pipeline ({@code agenda.articles.raw.v1}): plain text only, never HTML.
 *
 * @param id          stable article id (see {@code ingest.ArticleIds}): a hash of the canonical URL, else of the GUID
 * @param feedId      id of the feed in {@code feeds.opml}; bounded, so usable as a metric label
 * @param source      the outlet's display name
 * @param url         canonical http(s) URL of the article, or null when the item had none
 * @param title       plain-text headline
 * @param summary     plain-text lede or description (may be empty)
 * @param language    ISO 639-1 code ({@code en}, {@code es}) or {@code und}
 * @param publishedAt when the outlet says it was published; the fetch time when the feed gave no usable date
 * @param fetchedAt   when the monitor fetched it (start of pipeline latency)
 */
public record Article(
        String id,
        String feedId,
        String source,
        String url,
        String title,
        String summary,
        String language,
        Instant publishedAt,
        Instant fetchedAt) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feedId, "feedId");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        language = language == null || language.isBlank() ? "und" : language;
        source = source == null ? feedId : source;
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        publishedAt = publishedAt == null ? fetchedAt : publishedAt;
    }
}
