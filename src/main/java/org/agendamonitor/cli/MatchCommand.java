package org.agendamonitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.match.MatchExplanation;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.TermHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code match}: one article, from options or from standard input (first line the title, the rest the summary),
 * checked against the agenda; prints the recommendations, topics, words with offsets, direction, milestone and why.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Match one article against the agenda and explain the result.")
public final class MatchCommand implements Callable<Integer> {

    @Option(names = "--title", description = "headline (without --title and --summary, read stdin)")
    String title;

    @Option(names = "--summary", description = "lede or body text")
    String summary;

    @Option(names = "--lang", defaultValue = "und", description = "en, es, or und to run both (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--json", description = "print the matches as JSON")
    boolean json;

    @Mixin
    AgendaFileOption agenda;

    @Spec
    CommandSpec spec;

    private InputStream stdin = System.in;

    public MatchCommand() {
    }

    /** For tests: where the article is read from when no --title or --summary is given. */
    MatchCommand withStdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Article article = title == null && summary == null ? fromStdin() : article(title, summary);
        try (AgendaMatcher matcher = agenda.matcher()) {
            MatchExplanation explanation = matcher.explain(article);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(explanation.matches()));
            } else {
                print(out, explanation);
            }
        }
        out.flush();
        return 0;
    }

    private Article fromStdin() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String first = reader.readLine();
        String rest = reader.lines().collect(Collectors.joining("\n")).strip();
        return article(first == null ? "" : first.strip(), rest);
    }

    private Article article(String headline, String lede) {
        Instant now = Instant.now();
        return new Article("cli", "cli", "cli", null, headline, lede, language, now, now);
    }

    private static void print(PrintWriter out, MatchExplanation explanation) {
        List<Match> matches = explanation.matches();
        out.println(matches.isEmpty() ? "no recommendation matched" : "matched: "
                + matches.stream().map(m -> m.recommendation().id()).collect(Collectors.joining(", ")));
        for (Match m : matches) {
            out.printf(Locale.ROOT, "%s score=%.2f direction=%s milestone=%s%n", m.recommendation().id(), m.score(),
                    m.direction().id(), m.milestone() == null ? "-" : m.milestone());
            out.println("  topics: " + String.join(", ", m.topics()));
            out.println("  words:  " + m.hits().stream().map(MatchCommand::hit).collect(Collectors.joining(", ")));
        }
        out.println("why:");
        explanation.render().lines().forEach(line -> out.println("  " + line));
    }

    private static String hit(TermHit h) {
        return "'" + h.text() + "' " + h.field() + "[" + h.start() + "," + h.end() + ")";
    }
}
