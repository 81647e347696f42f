package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @Test
    void shouldPrintTablesErrorsAndMacroF1AsTheLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"x1\",\"lang\":\"en\",\"title\":\"USMCA joint review opens\",\"summary\":\"Talks begin.\",\"labels\":[\"usmca\"]}",
                "{\"id\":\"x2\",\"lang\":\"es\",\"title\":\"Crece el tráfico de armas hacia México\",\"summary\":\"\",\"labels\":[\"demand_guns_cash\"]}",
                "{\"id\":\"x3\",\"lang\":\"en\",\"title\":\"Mérida festival opens\",\"summary\":\"Yucatan tourism.\",\"labels\":[\"merida\"]}"),
                StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute(file.toString(), "--errors");

        List<String> lines = out.toString().lines().toList();
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("agenda matcher, English", "agenda matcher, Spanish", "keyword baseline")
                .contains("FN merida x3");
        assertThat(lines.get(lines.size() - 1)).matches("macro_f1=\\d\\.\\d{3}").isEqualTo("macro_f1=0.667");
    }
}
