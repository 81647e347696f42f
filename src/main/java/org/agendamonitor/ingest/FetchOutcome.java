package org.agendamonitor.ingest;

import java.util.Locale;

/**
 * The closed set of results of one poll of one feed. The {@link #id()} is a metric label value
 * ({@code agenda_feed_fetch_total{outcome}}) and appears on {@code /api/feeds}, so ids never change.
 */
public enum FetchOutcome {
    OK,
    NOT_MODIFIED,
    HTTP_4XX,
    HTTP_5XX,
    RATE_LIMITED,
    TIMEOUT,
    TOO_LARGE,
    PARSE_ERROR,
    NOT_A_FEED,
    NETWORK,
    DNS,
    TLS,
    REDIRECT_LOOP,
    UNSUPPORTED_URL,
    BLOCKED_ADDRESS,
    /** Fetched and parsed, but the articles could not be handed over (Kafka down): they are fetched again. */
    SINK_ERROR,
    /** A bug in the monitor while polling this feed; logged with its stack trace, retried with back-off. */
    INTERNAL_ERROR;

    /** snake_case id, e.g. {@code not_modified}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the feed answered usefully (counts as a success for back-off and last-success). */
    public boolean isSuccess() {
        return this == OK || this == NOT_MODIFIED;
    }
}
