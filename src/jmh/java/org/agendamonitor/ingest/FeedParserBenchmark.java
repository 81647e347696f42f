package org.agendamonitor.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.agendamonitor.config.FeedSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The production feed parser (secure XML input, ROME, jsoup text, normalization) on the demo feeds, per document. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeedParserBenchmark {
    @Param({"wire-en.xml", "gaceta-es.xml", "capitol-en.atom"})
    public String file;

    private final FeedParser parser = new FeedParser();
    private final Instant fetched = Instant.parse("2026-06-01T12:00:00Z");
    private byte[] body;
    private FeedSource feed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path path = Path.of("config", "demo", file);
        body = Files.readAllBytes(path);
        feed = new FeedSource("bench", "Bench", URI.create("https://bench.example/feed"), "", null,
                Duration.ofMinutes(15));
    }

    @Benchmark
    public ParsedFeed parse() throws FeedRejectedException {
        return parser.parse(body, "application/xml", feed, fetched);
    }
}
