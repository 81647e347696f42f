package org.agendamonitor.ingest;

import java.util.Objects;

/**
 * A clean, explained refusal of a document: not well-formed, not a feed, too large, unreadable charset. The message
 * says why precisely enough for {@code check-feeds} output and a WARN log line.
 */
public final class FeedRejectedException extends Exception {
    private final FetchOutcome outcome;

    public FeedRejectedException(FetchOutcome outcome, String message) {
        this(outcome, message, null);
    }

    public FeedRejectedException(FetchOutcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** {@link FetchOutcome#PARSE_ERROR}, {@link FetchOutcome#NOT_A_FEED} or {@link FetchOutcome#TOO_LARGE}. */
    public FetchOutcome outcome() {
        return outcome;
    }
}
