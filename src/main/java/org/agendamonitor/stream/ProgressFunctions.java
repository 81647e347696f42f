package org.agendamonitor.stream;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.agendamonitor.alert.BreakingStoryDetector;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AlertRule;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.progress.ProgressCalculator;
import org.agendamonitor.progress.StoryClusterer;

/** The pure functions the story and progress stage of the topology calls, configured from the agenda. */
public record ProgressFunctions(StoryClusterer stories, ProgressCalculator progress, BreakingStoryDetector alerts) {

    public ProgressFunctions {
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** Default clustering, no milestone labels, the default alert rules (USMCA and Mérida on). */
    public static ProgressFunctions defaults() {
        return new ProgressFunctions(StoryClusterer.defaults(), ProgressCalculator.withoutMilestones(),
                BreakingStoryDetector.defaults());
    }

    /** Milestone labels and alert rules from agenda.yaml. */
    public static ProgressFunctions fromAgenda(AgendaSpec agenda) {
        Map<Recommendation, Map<String, String>> labels = new EnumMap<>(Recommendation.class);
        Map<Recommendation, AlertRule> rules = new EnumMap<>(Recommendation.class);
        for (RecommendationSpec r : agenda.recommendations()) {
            Map<String, String> milestones = new LinkedHashMap<>();
            r.milestones().forEach(m -> milestones.put(m.id(), m.label()));
            labels.put(r.id(), milestones);
            rules.put(r.id(), r.alerts());
        }
        return new ProgressFunctions(StoryClusterer.defaults(), new ProgressCalculator(labels),
                new BreakingStoryDetector(rules));
    }
}
