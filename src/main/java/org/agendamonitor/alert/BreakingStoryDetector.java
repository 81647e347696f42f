package org.agendamonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.agendamonitor.config.AlertRule;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.AlertReason;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.model.StoryArticle;
import org.agendamonitor.progress.HourlyVolume;

/**
 * Decides whether a story that just gained an article is breaking news, by the recommendation's {@link AlertRule}.
 * Rules, first match wins: (1) a milestone matched in an article from an official source (feed id in
 * {@code official_sources}); (2) at least {@code min_outlets} distinct outlets carry the story within
 * {@code window_minutes} of each other; (3) a spike: the recommendation's matched articles in the trigger's UTC hour
 * exceed {@code spike_factor} times the hourly average of the 7 days before, that average floored at
 * {@value #SPIKE_BASELINE_FLOOR} a hour. Nothing alerts while the recommendation is cooling down
 * ({@code cooldown_minutes} after its last alert, in event time), or when the trigger is older than
 * {@link #STALE_AFTER} (a backfill of old news is not breaking). The caller makes sure a story alerts only once.
 */
public final class BreakingStoryDetector {
    public static final Duration STALE_AFTER = Duration.ofHours(24);
    public static final double SPIKE_BASELINE_FLOOR = 1.0;

    private final Map<Recommendation, AlertRule> rules;

    public BreakingStoryDetector(Map<Recommendation, AlertRule> rules) {
        this.rules = new EnumMap<>(Recommendation.class);
        this.rules.putAll(Objects.requireNonNull(rules, "rules"));
    }

    /** The agenda.yaml defaults: USMCA and Mérida alert, demand/guns/cash does not. */
    public static BreakingStoryDetector defaults() {
        return new BreakingStoryDetector(Map.of(Recommendation.MERIDA, AlertRule.defaults(true),
                Recommendation.USMCA, AlertRule.defaults(true),
                Recommendation.DEMAND_GUNS_CASH, AlertRule.defaults(false)));
    }

    /**
     * @param story       the story after {@code trigger} joined it
     * @param trigger     the match that was just added
     * @param volume      the recommendation's volume in the trigger's hour (trigger included)
     * @param lastAlertAt event time of the recommendation's last alert, or null
     * @param now         the wall clock, for staleness and {@code raisedAt}
     */
    public Optional<Alert> evaluate(Story story, ArticleMatch trigger, HourlyVolume volume, Instant lastAlertAt,
            Instant now) {
        AlertRule rule = rules.get(story.recommendation());
        Instant at = trigger.eventTime();
        if (rule == null || !rule.enabled() || at.isBefore(now.minus(STALE_AFTER))
                || lastAlertAt != null && at.isBefore(lastAlertAt.plus(rule.cooldown()))) {
            return Optional.empty();
        }
        String milestone = trigger.match().milestone();
        if (milestone != null && rule.officialSources().contains(trigger.article().feedId())) {
            return Optional.of(alert(story, AlertReason.OFFICIAL_MILESTONE, "milestone " + milestone
                    + " reported by official source " + trigger.article().feedId(), now));
        }
        int outlets = maxOutletsWithin(story.articles(), rule.window());
        if (outlets >= rule.minOutlets()) {
            return Optional.of(alert(story, AlertReason.OUTLETS, outlets + " outlets within "
                    + rule.window().toMinutes() + " minutes", now));
        }
        double threshold = rule.spikeFactor() * Math.max(volume.baselinePerHour(), SPIKE_BASELINE_FLOOR);
        if (volume.thisHour() > threshold) {
            return Optional.of(alert(story, AlertReason.SPIKE, String.format(java.util.Locale.ROOT,
                    "%d matched articles in one hour, over %.1f x the 7-day hourly average of %.2f",
                    volume.thisHour(), rule.spikeFactor(), volume.baselinePerHour()), now));
        }
        return Optional.empty();
    }

    /** The largest number of distinct outlets whose articles fall within one {@code window}-long interval. */
    static int maxOutletsWithin(List<StoryArticle> articles, Duration window) {
        int best = 0;
        for (StoryArticle start : articles) {
            Instant end = start.publishedAt().plus(window);
            Set<String> outlets = new HashSet<>();
            for (StoryArticle a : articles) {
                if (!a.publishedAt().isBefore(start.publishedAt()) && !a.publishedAt().isAfter(end)) {
                    outlets.add(a.source());
                }
            }
            best = Math.max(best, outlets.size());
        }
        return best;
    }

    private static Alert alert(Story story, AlertReason reason, String detail, Instant now) {
        Alert bare = new Alert(AlertIds.of(story.recommendation(), story.id()), story.recommendation(), story.id(),
                story.headline(), List.of(), List.of(), List.of(), story.firstSeen(), story.lastSeen(), reason, detail,
                now);
        return bare.withStory(story);
    }
}
