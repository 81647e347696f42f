package org.agendamonitor.ingest;

import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.feed;
import static org.agendamonitor.ingest.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.agendamonitor.model.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile documents: each is refused cleanly or parsed safely, quickly, and nothing is read or fetched. */
class FeedSecurityTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private final FeedParser parser = new FeedParser();
    private HttpServer listener;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startListener() throws Exception {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stopListener() {
        listener.stop(0);
    }

    /** Parses, and returns all article text, or the refusal's message. */
    private String outcome(String document) {
        return assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                ParsedFeed parsed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, feed("s"),
                        FETCHED_AT);
                StringBuilder all = new StringBuilder("OK");
                for (Article a : parsed.articles()) {
                    all.append(' ').append(a.title()).append(' ').append(a.summary());
                }
                return all.toString();
            } catch (FeedRejectedException e) {
                return "REJECTED " + e.getMessage();
            }
        });
    }

    @Test
    void shouldNotLeakALocalFileThroughAnExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4242");

        String result = outcome(text("xxe-file.xml").replace("SECRET_URI", secret.toUri().toString()));

        assertThat(result).doesNotContain("TOP-SECRET-4242");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xxe-http.xml", "external-dtd.xml", "parameter-entity.xml"})
    void shouldNeverFetchExternalEntitiesOrDtds(String fixture) {
        String port = String.valueOf(listener.getAddress().getPort());

        String result = outcome(text(fixture).replace("PORT", port));

        assertThat(requests).hasValue(0);
        assertThat(result).doesNotContain("fetched");
    }

    @Test
    void shouldRefuseBillionLaughsQuickly() {
        assertThat(outcome(text("billion-laughs.xml"))).startsWith("REJECTED").contains("not well-formed XML");
    }

    @Test
    void shouldRefuseQuadraticBlowupQuickly() {
        String big = "x".repeat(50_000);
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + big + "\">]><rss version=\"2.0\">"
                + "<channel><title>q</title><item><title>t</title><link>https://q.example.com/1</link><description>"
                + "&a;".repeat(20_000) + "</description></item></channel></rss>";

        assertThat(outcome(doc)).startsWith("REJECTED");
    }

    @Test
    void shouldRefuseDeeplyNestedElementsQuickly() {
        int depth = 100_000;
        String doc = "<rss version=\"2.0\"><channel><title>d</title><item><title>t</title><description>"
                + "<x>".repeat(depth) + "</x>".repeat(depth) + "</description></item></channel></rss>";

        assertThat(outcome(doc)).startsWith("REJECTED").contains("not well-formed XML");
    }

    @Test
    void shouldRefuseBinaryJunk() {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);

        String result = assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                parser.parse(junk, null, feed("s"), FETCHED_AT);
                return "OK";
            } catch (FeedRejectedException e) {
                return "REJECTED " + e.outcome().id();
            }
        });

        assertThat(result).isEqualTo("REJECTED parse_error");
    }

    @Test
    void shouldRefuseAnEmptyDocument() {
        assertThat(outcome("  \n ")).isEqualTo("REJECTED empty document");
    }
}
