package org.agendamonitor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.agendamonitor.ingest.FeedFiles;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-feeds PATH... [--items]}: parses files (folders recursively) with the production parser and limits.
 * One line per file, {@code OK|REJECTED|CRASHED <path> items=<n> <reason>}; the last line is exactly
 * {@code files=N parsed=N rejected=N crashed=N}. Exit 0 when nothing crashed.
 */
@Command(name = "check-feeds", mixinStandardHelpOptions = true,
        description = "Parse feed files with the production parser; report OK, REJECTED or CRASHED per file.")
public final class CheckFeedsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Feed files or folders (searched recursively).")
    List<Path> paths;

    @Option(names = "--items", description = "Also print each parsed item as one JSON line.")
    boolean items;

    @Option(names = "--parallel", defaultValue = "2", description = "Files parsed at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Spec
    CommandSpec spec;

    public CheckFeedsCommand() {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<FeedFiles.FileResult> results = FeedFiles.withDefaults().checkAll(FeedFiles.collect(paths), parallel);
        int[] counts = new int[FeedFiles.Verdict.values().length];
        for (FeedFiles.FileResult r : results) {
            counts[r.verdict().ordinal()]++;
            out.println(r.line());
            if (items) {
                for (Article a : r.articles()) {
                    out.println(Json.MAPPER.writeValueAsString(itemLine(a)));
                }
            }
        }
        out.println("files=" + results.size() + " parsed=" + counts[FeedFiles.Verdict.OK.ordinal()]
                + " rejected=" + counts[FeedFiles.Verdict.REJECTED.ordinal()]
                + " crashed=" + counts[FeedFiles.Verdict.CRASHED.ordinal()]);
        out.flush();
        return counts[FeedFiles.Verdict.CRASHED.ordinal()] == 0 ? 0 : 1;
    }

    private static Map<String, Object> itemLine(Article a) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", a.id());
        line.put("title", a.title());
        line.put("url", a.url());
        line.put("publishedAt", a.publishedAt());
        line.put("language", a.language());
        return line;
    }
}
