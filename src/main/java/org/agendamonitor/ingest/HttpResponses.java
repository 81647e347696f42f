package org.agendamonitor.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading an HTTP response into a {@link FetchResult}: status mapping, body decoding and the caching headers. */
final class HttpResponses {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

    private HttpResponses() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI location(HttpResponse<?> response, URI base) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
            return null;
        }
        try {
            return base.resolve(location.get().strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static FetchResult toResult(HttpResponse<byte[]> response, URI url, Validators previous, long limit,
            Instant now) {
        int status = response.statusCode();
        HttpHeaders h = response.headers();
        Duration retryAfter = retryAfter(h.firstValue("Retry-After").orElse(null), now);
        if (status == 304) {
            Validators kept = new Validators(h.firstValue("ETag").orElse(previous.etag()),
                    h.firstValue("Last-Modified").orElse(previous.lastModified()));
            return new FetchResult(FetchOutcome.NOT_MODIFIED, status, null, null, kept, url, null, freshFor(h, now),
                    "");
        }
        if (status / 100 == 2) {
            byte[] body;
            try {
                body = BodyReader.decode(response.body(), h.firstValue("Content-Encoding").orElse(null), limit);
            } catch (BodyReader.TooLargeException e) {
                return FetchResult.failure(FetchOutcome.TOO_LARGE, url, previous, "decompressed " + e.getMessage());
            } catch (IOException e) {
                return FetchResult.failure(FetchOutcome.NETWORK, url, previous, "corrupt "
                        + h.firstValue("Content-Encoding").orElse("") + " body: " + e.getMessage());
            }
            Validators fresh = new Validators(h.firstValue("ETag").orElse(null),
                    h.firstValue("Last-Modified").orElse(null));
            return new FetchResult(FetchOutcome.OK, status, body, h.firstValue("Content-Type").orElse(null), fresh,
                    url, null, freshFor(h, now), "");
        }
        FetchOutcome outcome = status == 429 ? FetchOutcome.RATE_LIMITED
                : status / 100 == 5 ? FetchOutcome.HTTP_5XX : FetchOutcome.HTTP_4XX;
        return new FetchResult(outcome, status, null, null, previous, url, retryAfter, null, "HTTP " + status);
    }

    /** {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // more digits than a long: nonsense
            }
        }
        Instant at = httpDate(v);
        return at == null ? null : max(Duration.between(now, at), Duration.ZERO);
    }

    /**
     * How long the response says it stays fresh: {@code Cache-Control: max-age} wins over {@code Expires}
     * (RFC 9111 §5.3); {@code no-store}/{@code no-cache} give no hint. Null when nothing usable was sent.
     */
    static Duration freshFor(HttpHeaders headers, Instant now) {
        String cacheControl = String.join(",", headers.allValues("Cache-Control")).toLowerCase(Locale.ROOT);
        if (cacheControl.contains("no-store") || cacheControl.contains("no-cache")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(cacheControl);
        if (m.find()) {
            try {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Instant expires = headers.firstValue("Expires").map(HttpResponses::httpDate).orElse(null);
        if (expires == null) {
            return null;
        }
        Instant date = headers.firstValue("Date").map(HttpResponses::httpDate).orElse(now);
        Duration fresh = Duration.between(date, expires);
        return fresh.isNegative() ? null : fresh;
    }

    static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
