package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option defaults of {@code bench}; the run itself is BenchCommandIT's. */
class BenchCommandTest {

    @Test
    void shouldSoakTheDemoTenMinutesByDefaultAndNotAtAllInAQuickRun() {
        assertThat(parsed().soak()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parsed("--quick").soak()).isZero();
        assertThat(parsed("--quick", "--soak-minutes", "3").soak()).isEqualTo(Duration.ofMinutes(3));
        assertThat(parsed("--soak-minutes", "0").soak()).isZero();
    }

    @Test
    void shouldRefuseANegativeSoakAsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--soak-minutes", "-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--soak-minutes must be 0 or more, not -1").doesNotContain("Exception");
    }

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
