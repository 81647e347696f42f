package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agendamonitor.config.FeedListLoader;
import org.agendamonitor.config.FeedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedsCommandTest {
    @TempDir
    Path config;

    private String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FeedsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        return out + err.toString();
    }

    private Path opml(String name, String outlines) throws IOException {
        return Files.writeString(config.resolve(name), "<?xml version=\"1.0\"?><opml version=\"2.0\"><head>"
                + "<title>t</title></head><body>" + outlines + "</body></opml>");
    }

    @Test
    void shouldMergeImportedFeedsWithoutDuplicateUrlsAndRenameClashingIds() throws IOException {
        opml("feeds.opml", "<outline text=\"Wires\"><outline text=\"Wire\" id=\"wire\" "
                + "xmlUrl=\"https://wire.example.com/rss\"/></outline>");
        Path incoming = opml("new.opml", "<outline text=\"Wire again\" xmlUrl=\"https://wire.example.com/rss\"/>"
                + "<outline text=\"Other wire\" id=\"wire\" xmlUrl=\"https://other.example.com/rss\"/>"
                + "<outline text=\"Noticias\" language=\"es\" xmlUrl=\"https://noticias.example.mx/rss\"/>");

        String output = run(0, "import", incoming.toString(), "--config", config.toString());

        assertThat(output).contains("imported=2 already_present=1 feeds=3");
        assertThat(FeedListLoader.load(config.resolve("feeds.opml"))).extracting(FeedSource::id, FeedSource::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wire", "Wires"),
                        org.assertj.core.groups.Tuple.tuple("wire-2", ""),
                        org.assertj.core.groups.Tuple.tuple("noticias", ""));
    }

    @Test
    void shouldRefuseAnInvalidImportAndLeaveTheFeedListAlone() throws IOException {
        Path existing = opml("feeds.opml", "<outline text=\"Wire\" xmlUrl=\"https://wire.example.com/rss\"/>");
        String before = Files.readString(existing);
        Path bad = opml("bad.opml", "<outline text=\"Bad\" xmlUrl=\"https://b.example.com/rss\" interval=\"soon\"/>");

        String output = run(2, "import", bad.toString(), "--config", config.toString());

        assertThat(output).contains("interval 'soon'");
        assertThat(Files.readString(existing)).isEqualTo(before);
    }

    @Test
    void shouldExportTheConfiguredFeedsAsOpml() throws IOException {
        opml("feeds.opml", "<outline text=\"Gobierno\"><outline text=\"SRE\" language=\"es\" interval=\"30\" "
                + "xmlUrl=\"https://sre.example.mx/rss\"/></outline>");

        String output = run(0, "export", "--config", config.toString());
        Path exported = Files.writeString(config.resolve("exported.opml"), output);

        assertThat(output).contains("<opml version=\"2.0\">", "xmlUrl=\"https://sre.example.mx/rss\"");
        assertThat(FeedListLoader.load(exported)).isEqualTo(FeedListLoader.load(config.resolve("feeds.opml")));
    }
}
