package org.agendamonitor.ingest;

import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.agendamonitor.config.IngestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFilesTest {
    private static final Clock CLOCK = Clock.fixed(FETCHED_AT, ZoneOffset.UTC);
    @TempDir
    Path dir;

    private FeedFiles files(FeedFiles.DocumentParser parser, Duration limit) {
        return new FeedFiles(parser, IngestSettings.defaults(), limit, CLOCK);
    }

    @Test
    void shouldReportOkWithTheArticlesAndRejectedWithTheReason() throws IOException {
        Path ok = Files.write(dir.resolve("wire.xml"), bytes("rss2-basic.xml"));
        Path html = Files.write(dir.resolve("page.html"), bytes("html-not-a-feed.html"));

        List<FeedFiles.FileResult> results = FeedFiles.withDefaults().checkAll(List.of(ok, html), 2);

        assertThat(results.get(0).verdict()).isEqualTo(FeedFiles.Verdict.OK);
        assertThat(results.get(0).articles()).hasSize(2)
                .allSatisfy(a -> assertThat(a.feedId()).isEqualTo("file-wire-xml"));
        assertThat(results.get(1).verdict()).isEqualTo(FeedFiles.Verdict.REJECTED);
        assertThat(results.get(1).reason()).isEqualTo("not_a_feed: an HTML page, not a feed");
    }

    @Test
    void shouldReportAHangAsCrashedAfterTheTimeLimit() throws IOException {
        Path file = Files.write(dir.resolve("hang.xml"), bytes("rss2-basic.xml"));
        FeedFiles hanging = files((body, type, feed, at) -> {
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // ignores interrupts like a parser stuck in a loop, but ends to spare the CPU
            }
            return new ParsedFeed(List.of(), java.util.Map.of(), null);
        }, Duration.ofMillis(300));

        FeedFiles.FileResult result = hanging.check(file);

        assertThat(result.verdict()).isEqualTo(FeedFiles.Verdict.CRASHED);
        assertThat(result.reason()).startsWith("no result after");
    }

    @Test
    void shouldReportAnUncaughtExceptionAsCrashed() throws IOException {
        Path file = Files.write(dir.resolve("boom.xml"), bytes("rss2-basic.xml"));
        FeedFiles throwing = files((body, type, feed, at) -> {
            throw new IllegalStateException("parser bug");
        }, Duration.ofSeconds(5));

        FeedFiles.FileResult result = throwing.check(file);

        assertThat(result.verdict()).isEqualTo(FeedFiles.Verdict.CRASHED);
        assertThat(result.reason()).isEqualTo("java.lang.IllegalStateException: parser bug");
    }

    @Test
    void shouldRefuseFilesOverTheBodyLimit() throws IOException {
        IngestSettings d = IngestSettings.defaults();
        IngestSettings small = new IngestSettings(true, d.interval(), d.minInterval(), d.maxInterval(),
                d.maxBackoff(), d.connectTimeout(), d.requestTimeout(), 100, d.maxRedirects(), d.concurrency(),
                d.perHostConcurrency(), d.userAgent(), false);
        Path file = Files.write(dir.resolve("big.xml"), bytes("rss2-basic.xml"));

        FeedFiles.FileResult result = new FeedFiles(new FeedParser(), small, Duration.ofSeconds(5), CLOCK)
                .check(file);

        assertThat(result.verdict()).isEqualTo(FeedFiles.Verdict.REJECTED);
        assertThat(result.reason()).startsWith("too_large");
    }

    @Test
    void shouldWalkFoldersButLeaveOutTheCorpusBookkeeping() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createDirectories(dir.resolve("_licenses"));
        Path nested = Files.writeString(dir.resolve("a/b/feed.xml"), "<rss/>");
        Path top = Files.writeString(dir.resolve("z.rss"), "<rss/>");
        Files.writeString(dir.resolve("MANIFEST.md"), "# corpus");
        Files.writeString(dir.resolve("index.tsv"), "a\tb");
        Files.writeString(dir.resolve("_licenses/x.LICENSE.txt"), "MIT");

        assertThat(FeedFiles.collect(List.of(dir))).containsExactly(nested, top);
    }
}
