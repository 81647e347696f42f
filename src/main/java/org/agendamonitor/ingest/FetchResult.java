package org.agendamonitor.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One fetch of one feed.
 *
 * @param outcome     what happened
 * @param status      the final HTTP status, or 0 for files and failures before a response
 * @param body        the decompressed body (OK only), else null
 * @param contentType the {@code Content-Type} header, or null
 * @param validators  the validators to send next time (the new ones on OK, the old ones otherwise)
 * @param finalUrl    where the body came from after redirects
 * @param retryAfter  the server's {@code Retry-After} (429, 503), or null
 * @param freshFor    how long the server says the body stays fresh ({@code Cache-Control: max-age}, {@code Expires}),
 *                    or null
 * @param detail      a short human explanation for logs and /api/feeds (empty on OK)
 */
public record FetchResult(FetchOutcome outcome, int status, byte[] body, String contentType, Validators validators,
        URI finalUrl, Duration retryAfter, Duration freshFor, String detail) {

    public FetchResult {
        Objects.requireNonNull(outcome, "outcome");
        validators = validators == null ? Validators.NONE : validators;
        detail = detail == null ? "" : detail;
    }

    static FetchResult failure(FetchOutcome outcome, URI url, Validators previous, String detail) {
        return new FetchResult(outcome, 0, null, null, previous, url, null, null, detail);
    }
}
