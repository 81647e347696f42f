package org.agendamonitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.match.EvalItem;
import org.agendamonitor.match.EvalReport;
import org.agendamonitor.match.KeywordBaseline;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval FILE.jsonl}: scores the agenda matcher against labeled items, beside the keyword baseline. The last
 * line is always {@code macro_f1=<three decimals>} for the production matcher (a contract other tools parse).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 per recommendation on a labeled JSONL file, beside a keyword baseline.")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "labeled items: title, summary, lang, labels")
    Path file;

    @Option(names = "--errors", description = "list every false positive and false negative with its explanation")
    boolean errors;

    @Option(names = "--baseline", description = "also print the baseline's English and Spanish tables")
    boolean baseline;

    @Mixin
    AgendaFileOption agenda;

    @Spec
    CommandSpec spec;

    public EvalCommand() {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        var items = EvalItem.read(file);
        try (AgendaMatcher matcher = agenda.matcher();
             AgendaMatcher keywords = new AgendaMatcher(KeywordBaseline.spec())) {
            EvalReport report = EvalReport.of(items, item -> predicted(matcher, item));
            EvalReport naive = EvalReport.of(items, item -> predicted(keywords, item));
            out.print(report.table("agenda matcher, all", null));
            out.print(report.table("agenda matcher, English", "en"));
            out.print(report.table("agenda matcher, Spanish", "es"));
            out.print(naive.table("keyword baseline, all", null));
            if (baseline) {
                out.print(naive.table("keyword baseline, English", "en"));
                out.print(naive.table("keyword baseline, Spanish", "es"));
            }
            if (errors) {
                printErrors(out, report, matcher);
            }
            out.println(String.format(Locale.ROOT, "macro_f1=%.3f", report.macroF1(null)));
        }
        out.flush();
        return 0;
    }

    /** The recommendations the matcher assigns; shared with tests so they score exactly what this command prints. */
    public static Set<Recommendation> predicted(AgendaMatcher matcher, EvalItem item) {
        Set<Recommendation> predicted = EnumSet.noneOf(Recommendation.class);
        for (Match m : matcher.match(item.toArticle())) {
            predicted.add(m.recommendation());
        }
        return predicted;
    }

    private static void printErrors(PrintWriter out, EvalReport report, AgendaMatcher matcher) {
        out.println("errors (" + report.errors().size() + ")");
        for (EvalReport.Error error : report.errors()) {
            EvalItem item = error.item();
            out.printf(Locale.ROOT, "%s %s %s [%s] %s%n", error.falsePositive() ? "FP" : "FN",
                    error.recommendation().id(), item.id(), item.lang(), item.title());
            out.println("    summary: " + item.summary());
            matcher.explain(item.toArticle()).render().lines().forEach(line -> out.println("    " + line));
        }
    }
}
