package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.agendamonitor.cli.AgendaMonitorCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs a small {@code bench --quick} end to end (fresh embedded broker, both topologies, latency load, matcher, feed
 * farm, a demo run in a child JVM, the stage costs) to prove that every section works and prints its figures. It
 * asserts that the figures exist and are positive, never how large they are: performance is shown by the
 * benchmark's output.
 */
class BenchCommandIT {
    @Test
    void shouldPrintEverySectionAndEndWithArticlesPerSecondWhenRunQuick() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AgendaMonitorCommand());
        cli.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("bench", "--quick", "--articles", "3000", "--feeds", "60", "--latency-seconds", "2",
                "--stage-costs");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("articles_per_s=[1-9][0-9]*");
        for (String section : List.of("1. pass-through", "2. full pipeline", "3. matcher alone", "4. latency",
                "5. fetch", "6. start-up")) {
            assertThat(lines).as(section).anyMatch(l -> l.startsWith(section));
        }
        assertThat(number(lines, "1. pass-through", "([0-9,]+) records/s")).isPositive();
        // each section counts the fastest of its three runs, and lists them all
        assertThat(number(lines, "1. pass-through", "([0-9,]+) records/s")).isEqualTo(fastestRun(lines,
                "1. pass-through"));
        assertThat(number(lines, "2. full pipeline", "([0-9,]+) articles/s")).isEqualTo(fastestRun(lines,
                "2. full pipeline"));
        assertThat(number(lines, "2. full pipeline", "3000 articles in ([0-9.]+) s")).isPositive();
        // counted once: the pipeline's warm-up run writes to the same matched topic, and is left out
        long onAgenda = LongStream.range(0, 3000).filter(ArticleGenerator.withDefaults()::onAgenda).count();
        assertThat(number(lines, "2. full pipeline", "; ([0-9]+) matched")).isEqualTo(onAgenda);
        assertThat(number(lines, "2. full pipeline", "JIT warmed by a run over ([0-9]+) of them")).isEqualTo(750);
        // the consumer interceptor feeds the match-ahead worker, which made most articles' matches
        assertThat(number(lines, "2. full pipeline", "matched ahead: ([0-9]+)%")).isGreaterThan(50);
        // --stage-costs: five cut runs of the same backlog after section 2's line, then what matching costs
        List<String> stages = lines.stream().filter(l -> l.startsWith("   stage costs, ")).toList();
        assertThat(stages).hasSize(6);
        assertThat(stages.get(0)).contains("no article matches");
        assertThat(stages.get(4)).contains("all but matching");
        for (String stage : stages.subList(0, 5)) {
            assertThat(number(List.of(stage), "   stage costs", ": ([0-9,]+) articles/s")).as(stage).isPositive();
            assertThat(number(List.of(stage), "   stage costs", "stream threads ([0-9]+) µs")).as(stage).isPositive();
        }
        assertThat(stages.get(5)).startsWith("   stage costs, matching (section 2 minus the row above)")
                .containsPattern(": -?[0-9]+ µs of stream thread per article");
        assertThat(number(lines, "3. matcher alone", "agenda matcher ([0-9,]+) articles/s")).isPositive();
        assertThat(number(lines, "4. latency", "p99 ([0-9]+) ms")).isNotNegative();
        // the breaking story alerts: the probe once ran after the load and only ever saw the cool-down
        assertThat(number(lines, "4. latency", "fetch-to-alert \\(breaking story\\): ([0-9]+) ms")).isPositive();
        assertThat(number(lines, "4. latency", "slowest commit ([0-9]+) ms")).isNotNegative();
        assertThat(number(lines, "5. fetch", "60 feeds on [0-9]+ loopback hosts in ([0-9.]+) s")).isPositive();
        assertThat(number(lines, "6. start-up", "RSS at ready ([0-9]+) MB")).isPositive();
    }

    /** The fastest of the three runs the line of {@code section} lists. */
    private static double fastestRun(List<String> lines, String section) {
        String line = lines.stream().filter(l -> l.startsWith(section)).findFirst().orElseThrow();
        Matcher m = Pattern.compile("the best of 3 runs: ([0-9,]+) / ([0-9,]+) / ([0-9,]+)\\)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Arrays.stream(new String[] {m.group(1), m.group(2), m.group(3)})
                .mapToDouble(r -> Double.parseDouble(r.replace(",", ""))).max().orElseThrow();
    }

    /** The first group of {@code regex} in the line of {@code section}, as a number. */
    private static double number(List<String> lines, String section, String regex) {
        String line = lines.stream().filter(l -> l.startsWith(section)).findFirst().orElseThrow();
        Matcher m = Pattern.compile(regex).matcher(line);
        assertThat(m.find()).as(line + " ~ " + regex).isTrue();
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
