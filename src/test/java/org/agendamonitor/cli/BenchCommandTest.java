package org.agendamonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(usageError("--soak-minutes", "-1")).contains("--soak-minutes must be 0 or more, not -1");
    }

    @ParameterizedTest
    @CsvSource({"--articles,0", "--feeds,0", "--latency-seconds,0", "--articles,-5", "--latency-seconds,-1"})
    void shouldRefuseACountBelowOneAsAUsageErrorNamingTheOption(String option, String value) {
        assertThat(usageError(option, value)).contains(option + " must be 1 or more, not " + value);
    }

    /**
     * Runs {@code bench} with the given arguments, expects picocli's usage exit code 2, and returns stderr. The
     * configuration folder does not exist, so a check that let the arguments through fails fast (exit 1) instead of
     * starting a benchmark.
     */
    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        String[] withMissingConfig = Arrays.copyOf(args, args.length + 2);
        withMissingConfig[args.length] = "--config";
        withMissingConfig[args.length + 1] = "target/no-such-config-" + System.nanoTime();

        int exit = cli.execute(withMissingConfig);

        assertThat(exit).as("exit code of bench %s", String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception");
        return err.toString();
    }

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
