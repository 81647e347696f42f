package org.agendamonitor.model;

import java.util.List;
import java.util.Objects;

/**
 * Why an article belongs to one recommendation.
 *
 * @param recommendation the recommendation matched
 * @param score          sum of the weights of the topics that fired (higher = more central)
 * @param topics         ids of the agenda topics whose queries fired
 * @param terms          the distinct matched words or phrases, as written in the article
 * @param hits           each matched term's position in title or summary
 * @param direction      advance / setback / neutral from the agenda's direction cues
 * @param milestone      id of the agenda milestone this article reports, or null
 * @param explanation    one human-readable sentence: which queries fired on which words
 */
public record Match(
        Recommendation recommendation,
        double score,
        List<String> topics,
        List<String> terms,
        List<TermHit> hits,
        Direction direction,
        String milestone,
        String explanation) {

    public Match {
        Objects.requireNonNull(recommendation, "recommendation");
        topics = topics == null ? List.of() : List.copyOf(topics);
        terms = terms == null ? List.of() : List.copyOf(terms);
        hits = hits == null ? List.of() : List.copyOf(hits);
        direction = direction == null ? Direction.NEUTRAL : direction;
        explanation = explanation == null ? "" : explanation;
    }
}
