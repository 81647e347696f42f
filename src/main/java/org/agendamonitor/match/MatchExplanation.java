package org.agendamonitor.match;

import java.util.List;
import java.util.stream.Collectors;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.TermHit;

/**
 * Everything the matcher decided about one article: for each recommendation, the verdict and every query that fired
 * or vetoed. {@link #matches()} is what {@link AgendaMatcher#match} returns.
 *
 * @param language  the languages whose queries ran ({@code en}, {@code es}, or both for an unknown language)
 * @param verdicts  one per recommendation, in agenda order
 */
public record MatchExplanation(List<String> language, List<RecommendationVerdict> verdicts) {

    public MatchExplanation {
        language = List.copyOf(language);
        verdicts = List.copyOf(verdicts);
    }

    public List<Match> matches() {
        return verdicts.stream().filter(RecommendationVerdict::matched).map(RecommendationVerdict::toMatch).toList();
    }

    /** A multi-line, human-readable account: one line per verdict, then one indented line per fired query. */
    public String render() {
        StringBuilder out = new StringBuilder("queries run: ").append(String.join("+", language)).append('\n');
        for (RecommendationVerdict verdict : verdicts) {
            out.append(verdict.summary()).append('\n');
            for (FiredQuery query : verdict.fired()) {
                out.append("    ").append(query.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(query.ref() == null ? "" : " " + query.ref())
                        .append(" [").append(query.language()).append("] ").append(query.query())
                        .append("  ->  ").append(hits(query.hits())).append('\n');
            }
        }
        return out.toString();
    }

    private static String hits(List<TermHit> hits) {
        return hits.stream()
                .map(h -> "'" + h.text() + "' " + h.field() + "[" + h.start() + "," + h.end() + ")")
                .collect(Collectors.joining(", "));
    }
}
