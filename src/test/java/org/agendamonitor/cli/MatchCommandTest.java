package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MatchCommandTest {

    private static String run(MatchCommand command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void shouldExplainAnArticleGivenAsOptions() {
        String out = run(new MatchCommand(), "--title", "Senate ratifies USMCA", "--summary", "Lawmakers voted.",
                "--lang", "en");

        assertThat(out).contains("matched: usmca", "usmca score=4.50 direction=advance", "topics: agreement",
                "'USMCA' title[16,21)", "why:");
    }

    @Test
    void shouldReadTitleAndSummaryFromStdinAndPrintJson() {
        byte[] text = "Tráfico de armas hacia México\nLa ATF rastrea los rifles.".getBytes(StandardCharsets.UTF_8);
        String out = run(new MatchCommand().withStdin(new ByteArrayInputStream(text)), "--json");

        assertThat(out).contains("\"recommendation\" : \"demand_guns_cash\"", "\"text\" : \"Tráfico de armas\"",
                "\"field\" : \"title\"");
    }
}
