package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agendamonitor.kafka.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckFeedsCommandTest {
    @TempDir
    Path dir;

    private void copyFixture(String name, Path to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/feeds/" + name)) {
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        }
    }

    private record Run(int exit, List<String> lines) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CheckFeedsCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().lines().toList());
    }

    @Test
    void shouldPrintOneLinePerFileAndTheTotalsLast() throws IOException {
        copyFixture("rss2-basic.xml", dir.resolve("a/rss2-basic.xml"));
        copyFixture("html-not-a-feed.html", dir.resolve("b/page.html"));
        copyFixture("json-feed-1.1.json", dir.resolve("feed.json"));

        Run run = run(dir.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).containsExactly(
                "OK " + dir.resolve("a/rss2-basic.xml") + " items=2",
                "REJECTED " + dir.resolve("b/page.html") + " items=0 not_a_feed: an HTML page, not a feed",
                "OK " + dir.resolve("feed.json") + " items=2",
                "files=3 parsed=2 rejected=1 crashed=0");
    }

    @Test
    void shouldPrintEachItemAsJsonWhenAsked() throws Exception {
        Path file = dir.resolve("rss2-basic.xml");
        copyFixture("rss2-basic.xml", file);

        Run run = run(file.toString(), "--items");

        assertThat(run.lines()).hasSize(4);
        JsonNode item = Json.MAPPER.readTree(run.lines().get(1));
        assertThat(item.get("title").asText()).isEqualTo("Leaders meet on border security & trade");
        assertThat(item.get("url").asText()).isEqualTo("https://news.example.com/world/summit?a=1&b=2");
        assertThat(item.get("publishedAt").asText()).isEqualTo("2024-03-05T14:30:00Z");
        assertThat(item.get("language").asText()).isEqualTo("en");
        assertThat(item.get("id").asText()).hasSize(32);
        assertThat(run.lines().get(3)).isEqualTo("files=1 parsed=1 rejected=0 crashed=0");
    }

    @Test
    void shouldRejectAMissingFileWithoutCrashing() {
        Run run = run(dir.resolve("nope.xml").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.lines().get(0)).startsWith("REJECTED ").contains("cannot read");
        assertThat(run.lines()).last().isEqualTo("files=1 parsed=0 rejected=1 crashed=0");
    }
}
