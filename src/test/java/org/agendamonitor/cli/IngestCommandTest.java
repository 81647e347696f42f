package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    @TempDir
    Path config;

    @Test
    void shouldNameTheBadSettingAndPublishNothingWhenTheConfigurationIsWrong() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new IngestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(config.resolve("feed.xml").toString(), "--config", config.toString(),
                "--set", "ingest.no.such.key=1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("ingest.no.such.key");
        assertThat(out.toString()).isEmpty();
    }
}
