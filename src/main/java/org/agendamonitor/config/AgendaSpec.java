package org.agendamonitor.config;

import java.util.List;
import java.util.Objects;
import org.agendamonitor.model.Recommendation;

/**
 * The agenda ({@code config/agenda.yaml}): for each recommendation of the brief, the bilingual queries that say an
 * article is about it, the cues for its direction, its milestones and its alert rule. Built by {@link AgendaSpecLoader},
 * which guarantees that every recommendation appears exactly once and that every query parses.
 */
public record AgendaSpec(List<RecommendationSpec> recommendations) {

    public AgendaSpec {
        recommendations = List.copyOf(Objects.requireNonNull(recommendations, "recommendations"));
    }

    /** The spec of one recommendation; throws when the agenda does not define it. */
    public RecommendationSpec recommendation(Recommendation id) {
        return recommendations.stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("agenda has no recommendation " + id));
    }

    /** The analyst-facing title of a recommendation, for dashboards and alerts. */
    public String title(Recommendation id) {
        return recommendation(id).title();
    }
}
