package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.Milestone;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.TermHit;

/**
 * How one article fared against one recommendation, matched or not.
 *
 * @param recommendation the recommendation
 * @param matched        whether it is a match: not vetoed and score at least the minimum
 * @param vetoed         whether an exclusion query fired
 * @param score          sum of the fired topics' contributions
 * @param minScore       the recommendation's threshold
 * @param topicScores    each fired topic's contribution (weight, times the title boost when it fired in the title)
 * @param direction      from the direction cues
 * @param milestone      the first milestone (in agenda order) whose query fired, or null
 * @param fired          every query of the recommendation that fired, including exclusions and cues
 */
public record RecommendationVerdict(
        Recommendation recommendation,
        boolean matched,
        boolean vetoed,
        double score,
        double minScore,
        Map<String, Double> topicScores,
        Direction direction,
        String milestone,
        List<FiredQuery> fired) {

    static final Comparator<TermHit> HIT_ORDER = Comparator
            .comparing((TermHit h) -> h.field().equals(AgendaAnalyzers.TITLE) ? 0 : 1)
            .thenComparingInt(TermHit::start)
            .thenComparingInt(TermHit::end);

    public RecommendationVerdict {
        topicScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topicScores));
        fired = List.copyOf(fired);
    }

    /** Applies the rules of the package documentation to the queries of one recommendation that fired. */
    static RecommendationVerdict of(RecommendationSpec spec, List<FiredQuery> fired) {
        boolean vetoed = fired.stream().anyMatch(f -> f.kind() == QueryKind.EXCLUSION);
        Map<String, Double> topicScores = new LinkedHashMap<>();
        double score = 0;
        for (AgendaTopic topic : spec.topics()) {
            List<FiredQuery> own = fired.stream()
                    .filter(f -> f.kind() == QueryKind.TOPIC && topic.id().equals(f.ref())).toList();
            if (!own.isEmpty()) {
                double boost = own.stream().anyMatch(FiredQuery::inTitle) ? spec.titleBoost() : 1.0;
                topicScores.put(topic.id(), topic.weight() * boost);
                score += topic.weight() * boost;
            }
        }
        boolean advance = fired.stream().anyMatch(f -> f.kind() == QueryKind.ADVANCE);
        boolean setback = fired.stream().anyMatch(f -> f.kind() == QueryKind.SETBACK);
        Direction direction = advance == setback ? Direction.NEUTRAL : advance ? Direction.ADVANCE : Direction.SETBACK;
        String milestone = spec.milestones().stream()
                .map(Milestone::id)
                .filter(id -> fired.stream().anyMatch(f -> f.kind() == QueryKind.MILESTONE && id.equals(f.ref())))
                .findFirst().orElse(null);
        boolean matched = !vetoed && score >= spec.minScore();
        return new RecommendationVerdict(spec.id(), matched, vetoed, score, spec.minScore(), topicScores, direction,
                milestone, fired);
    }

    /** The match record for the pipeline; meaningful only when {@link #matched()}. */
    public Match toMatch() {
        TreeSet<TermHit> hits = new TreeSet<>(HIT_ORDER);
        fired.stream().filter(f -> f.kind() == QueryKind.TOPIC).forEach(f -> hits.addAll(f.hits()));
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        hits.forEach(h -> terms.add(h.text()));
        return new Match(recommendation, score, List.copyOf(topicScores.keySet()), List.copyOf(terms),
                new ArrayList<>(hits), direction, milestone, summary());
    }

    /** One sentence: the verdict, the score against the threshold, and which topic fired on which words. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(recommendation.id()).append(matched ? " matched" : " not matched")
                .append(vetoed ? " (vetoed by an exclusion)" : "")
                .append(String.format(Locale.ROOT, ": score %.2f (min %.2f)", score, minScore));
        List<String> parts = new ArrayList<>();
        topicScores.forEach((topic, contribution) -> {
            LinkedHashSet<String> words = new LinkedHashSet<>();
            fired.stream().filter(f -> f.kind() == QueryKind.TOPIC && topic.equals(f.ref()))
                    .forEach(f -> f.hits().forEach(h -> words.add("'" + h.text() + "'")));
            parts.add(String.format(Locale.ROOT, "%s +%.2f on %s", topic, contribution, String.join(", ", words)));
        });
        if (!parts.isEmpty()) {
            out.append("; ").append(String.join("; ", parts));
        }
        if (direction != Direction.NEUTRAL) {
            out.append("; direction ").append(direction.id());
        }
        if (milestone != null) {
            out.append("; milestone ").append(milestone);
        }
        return out.toString();
    }
}
