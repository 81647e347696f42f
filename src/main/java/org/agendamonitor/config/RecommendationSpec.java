package org.agendamonitor.config;

import java.util.List;
import java.util.Objects;
import org.agendamonitor.model.Recommendation;

/**
 * One recommendation of the agenda.
 *
 * @param id          contract id
 * @param title       short title for people
 * @param description one paragraph, in our words
 * @param minScore    an article matches when the weights of its fired topics add up to at least this
 * @param titleBoost  a topic that fires in the title counts its weight times this factor
 * @param topics      what the recommendation is about, each with weighted bilingual queries
 * @param exclusions  queries that veto the recommendation whatever else fired (e.g. Mérida the city)
 * @param direction   cues that an article reports progress or a setback
 * @param milestones  named events worth tracking, in order of precedence
 * @param alerts      settings of the breaking-story alert for this recommendation
 */
public record RecommendationSpec(
        Recommendation id,
        String title,
        String description,
        double minScore,
        double titleBoost,
        List<AgendaTopic> topics,
        LanguageQueries exclusions,
        DirectionCues direction,
        List<Milestone> milestones,
        AlertRule alerts) {

    public RecommendationSpec {
        Objects.requireNonNull(id, "id");
        title = title == null ? id.id() : title;
        description = description == null ? "" : description;
        topics = List.copyOf(topics);
        exclusions = exclusions == null ? LanguageQueries.NONE : exclusions;
        direction = direction == null ? DirectionCues.NONE : direction;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        Objects.requireNonNull(alerts, "alerts");
        if (minScore <= 0 || titleBoost < 1) {
            throw new IllegalArgumentException(
                    "recommendation " + id + ": min_score must be > 0 and title_boost >= 1, got " + minScore + ", " + titleBoost);
        }
    }
}
