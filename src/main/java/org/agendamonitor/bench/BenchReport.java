package org.agendamonitor.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one run, printed in section order at the end; the last line is the contract
 * {@code articles_per_s=<n>}. Each figure is also echoed to the progress stream the moment it is known, so a long
 * run shows its results as it goes.
 */
public final class BenchReport {
    private final List<String> header = new ArrayList<>();
    private final Map<Integer, List<String>> sections = new TreeMap<>();
    private final PrintWriter echo;
    private long articlesPerSecond = -1;

    BenchReport(PrintWriter echo) {
        this.echo = echo;
    }

    void header(String line) {
        header.add(line);
        say(line);
    }

    void add(int section, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
        say(line);
    }

    private void say(String line) {
        echo.println("  => " + line);
        echo.flush();
    }

    void articlesPerSecond(double perSecond) {
        articlesPerSecond = Math.round(perSecond);
    }

    public long articlesPerSecond() {
        return articlesPerSecond;
    }

    public void print(PrintWriter out) {
        header.forEach(out::println);
        sections.values().forEach(lines -> lines.forEach(out::println));
        out.println("articles_per_s=" + articlesPerSecond);
        out.flush();
    }

    static String thousands(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
