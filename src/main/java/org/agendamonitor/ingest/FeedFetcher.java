package org.agendamonitor.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.agendamonitor.config.IngestSettings;

/**
 * Fetches one feed with {@code java.net.http} (never ROME's own fetcher): conditional GET, gzip/deflate, a size limit
 * on the decompressed body, a connect timeout and a total deadline per fetch, redirects followed here so they can be
 * counted and checked. {@code file:} URLs are read under the same size limit. Every failure becomes a
 * {@link FetchOutcome}; nothing is thrown. Thread-safe.
 */
public final class FeedFetcher {
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final IngestSettings settings;
    private final Clock clock;
    private final HttpClient client;

    public FeedFetcher(IngestSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public FetchResult fetch(URI url, Validators previous) {
        Validators validators = previous == null ? Validators.NONE : previous;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> fetchFile(url, validators);
            case "http", "https" -> fetchHttp(url, validators);
            default -> FetchResult.failure(FetchOutcome.UNSUPPORTED_URL, url, validators,
                    "unsupported scheme '" + scheme + "'");
        };
    }

    private FetchResult fetchFile(URI url, Validators previous) {
        try {
            Path path = Path.of(url);
            // The file's modification time plays the part of Last-Modified, so an unchanged file is not re-parsed.
            String modified = Files.getLastModifiedTime(path).toString();
            if (modified.equals(previous.lastModified())) {
                return new FetchResult(FetchOutcome.NOT_MODIFIED, 0, null, null, previous, url, null, null, "");
            }
            byte[] body = BodyReader.readFile(path, settings.maxBodyBytes());
            return new FetchResult(FetchOutcome.OK, 0, body, null, new Validators(null, modified), url, null, null,
                    "");
        } catch (BodyReader.TooLargeException e) {
            return FetchResult.failure(FetchOutcome.TOO_LARGE, url, previous, e.getMessage());
        } catch (NoSuchFileException e) {
            return FetchResult.failure(FetchOutcome.NETWORK, url, previous, "no such file " + e.getFile());
        } catch (IOException | IllegalArgumentException e) {
            return FetchResult.failure(FetchOutcome.NETWORK, url, previous, "cannot read file: " + e.getMessage());
        }
    }

    private FetchResult fetchHttp(URI start, Validators previous) {
        Instant deadline = clock.instant().plus(settings.requestTimeout());
        Set<URI> visited = new HashSet<>();
        URI url = start;
        for (int redirects = 0; ; redirects++) {
            visited.add(url);
            HttpExchange exchange = exchange(url, previous, deadline);
            if (exchange.failure() != null) {
                return exchange.failure();
            }
            HttpResponse<byte[]> response = exchange.response();
            int status = response.statusCode();
            if (!HttpResponses.isRedirect(status)) {
                return HttpResponses.toResult(response, url, previous, settings.maxBodyBytes(), clock.instant());
            }
            URI next = HttpResponses.location(response, url);
            if (next == null) {
                return FetchResult.failure(FetchOutcome.HTTP_4XX, url, previous, status + " without a usable Location");
            }
            String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                // A server must not send us to file: or any other scheme.
                return FetchResult.failure(FetchOutcome.UNSUPPORTED_URL, url, previous, "redirect to " + next);
            }
            if (visited.contains(next)) {
                return FetchResult.failure(FetchOutcome.REDIRECT_LOOP, url, previous, "redirect loop via " + next);
            }
            if (redirects >= settings.maxRedirects()) {
                return FetchResult.failure(FetchOutcome.REDIRECT_LOOP, url, previous,
                        "more than " + settings.maxRedirects() + " redirects");
            }
            url = next;
        }
    }

    /** One request/response, or the failure it ended in. */
    private record HttpExchange(HttpResponse<byte[]> response, FetchResult failure) {
    }

    private HttpExchange exchange(URI url, Validators previous, Instant deadline) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return new HttpExchange(null, FetchResult.failure(FetchOutcome.TIMEOUT, url, previous,
                    "no answer within " + settings.requestTimeout().toMillis() + " ms"));
        }
        HttpRequest request = request(url, previous, remaining);
        AtomicReference<LimitedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            if (info.statusCode() / 100 != 2) {
                return BodySubscribers.replacing(new byte[0]); // error and redirect bodies are not needed
            }
            LimitedBodySubscriber subscriber = new LimitedBodySubscriber(settings.maxBodyBytes());
            body.set(subscriber);
            return subscriber;
        });
        try {
            return new HttpExchange(future.get(remaining.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            abort(future, body.get());
            return new HttpExchange(null, FetchResult.failure(FetchOutcome.TIMEOUT, url, previous,
                    "no complete answer within " + settings.requestTimeout().toMillis() + " ms"));
        } catch (InterruptedException e) {
            abort(future, body.get());
            Thread.currentThread().interrupt();
            return new HttpExchange(null, FetchResult.failure(FetchOutcome.NETWORK, url, previous, "interrupted"));
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return new HttpExchange(null, FetchResult.failure(classify(cause), url, previous, describe(cause)));
        }
    }

    private HttpRequest request(URI url, Validators previous, Duration remaining) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).GET().timeout(remaining)
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        if (previous.etag() != null) {
            b.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            b.header("If-Modified-Since", previous.lastModified());
        }
        return b.build();
    }

    private static void abort(CompletableFuture<?> future, LimitedBodySubscriber body) {
        if (body != null) {
            body.abort();
        }
        future.cancel(true);
    }

    static FetchOutcome classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return FetchOutcome.TIMEOUT;
            }
            if (t instanceof BodyReader.TooLargeException) {
                return FetchOutcome.TOO_LARGE;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return FetchOutcome.DNS;
            }
            if (t instanceof SSLException) {
                return FetchOutcome.TLS;
            }
        }
        return FetchOutcome.NETWORK;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
