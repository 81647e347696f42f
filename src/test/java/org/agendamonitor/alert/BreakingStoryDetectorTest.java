package org.agendamonitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agendamonitor.config.AlertRule;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.AlertReason;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.HourlyVolume;
import org.agendamonitor.progress.StoryCluster;
import org.agendamonitor.progress.StoryClusterer;
import org.junit.jupiter.api.Test;

class BreakingStoryDetectorTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final HourlyVolume QUIET = new HourlyVolume(1, 0.0);
    private final StoryClusterer clusterer = StoryClusterer.defaults();
    private final BreakingStoryDetector detector = new BreakingStoryDetector(Map.of(
            Recommendation.USMCA, new AlertRule(true, 3, Duration.ofMinutes(60), Duration.ofMinutes(60), 3.0,
                    List.of("ustr-press")),
            Recommendation.DEMAND_GUNS_CASH, AlertRule.defaults(false)));

    private static ArticleMatch match(String id, String feed, String source, Instant at, String milestone) {
        Article a = new Article(id, feed, source, "https://" + feed + ".example/" + id, "USMCA joint review ends",
                "", "en", at, at);
        return new ArticleMatch(a, new Match(Recommendation.USMCA, 3.0, List.of(), List.of("USMCA"), List.of(),
                Direction.ADVANCE, milestone, ""));
    }

    /** A story of the given matches, all joined (they have the same title). */
    private Story story(List<ArticleMatch> matches) {
        StoryCluster c = null;
        for (ArticleMatch m : matches) {
            c = c == null ? clusterer.start(m) : clusterer.join(c, m);
        }
        return c.story();
    }

    private Optional<Alert> evaluate(List<ArticleMatch> matches, HourlyVolume volume, Instant lastAlert) {
        ArticleMatch trigger = matches.get(matches.size() - 1);
        return detector.evaluate(story(matches), trigger, volume, lastAlert, trigger.eventTime().plusSeconds(60));
    }

    @Test
    void shouldAlertWhenTheThirdOutletCarriesTheStoryWithinTheWindow() {
        List<ArticleMatch> matches = new ArrayList<>(List.of(match("1", "a", "A", T0, null),
                match("2", "b", "B", T0.plusSeconds(600), null)));
        assertThat(evaluate(matches, QUIET, null)).isEmpty();
        matches.add(match("3", "c", "C", T0.plusSeconds(1200), null));
        Alert alert = evaluate(matches, QUIET, null).orElseThrow();
        assertThat(alert.reason()).isEqualTo(AlertReason.OUTLETS);
        assertThat(alert.sources()).containsExactly("A", "B", "C");
        assertThat(alert.urls()).hasSize(3);
        assertThat(alert.id()).isEqualTo(AlertIds.of(Recommendation.USMCA, alert.storyId())).startsWith("alert-");
        assertThat(alert.detail()).isEqualTo("3 outlets within 60 minutes");
        assertThat(alert.firstSeen()).isEqualTo(T0);
        assertThat(alert.raisedAt()).isEqualTo(T0.plusSeconds(1260));
    }

    @Test
    void shouldNotCountOneOutletTwiceNorOutletsSpreadBeyondTheWindow() {
        assertThat(evaluate(List.of(match("1", "a", "A", T0, null), match("2", "a2", "A", T0.plusSeconds(60), null),
                match("3", "b", "B", T0.plusSeconds(120), null)), QUIET, null)).isEmpty();
        assertThat(evaluate(List.of(match("1", "a", "A", T0, null), match("2", "b", "B", T0.plusSeconds(3000), null),
                match("3", "c", "C", T0.plusSeconds(4000), null)), QUIET, null)).isEmpty();
        assertThat(BreakingStoryDetector.maxOutletsWithin(story(List.of(match("1", "a", "A", T0, null),
                match("2", "b", "B", T0.plusSeconds(3000), null), match("3", "c", "C", T0.plusSeconds(4000), null)))
                .articles(), Duration.ofMinutes(60))).isEqualTo(2);
    }

    @Test
    void shouldAlertOnAMilestoneFromAnOfficialSourceAlone() {
        Alert alert = evaluate(List.of(match("1", "ustr-press", "USTR", T0, "joint-review-concluded")), QUIET, null)
                .orElseThrow();
        assertThat(alert.reason()).isEqualTo(AlertReason.OFFICIAL_MILESTONE);
        assertThat(evaluate(List.of(match("1", "blog", "Blog", T0, "joint-review-concluded")), QUIET, null))
                .isEmpty();
    }

    @Test
    void shouldAlertOnASpikeOverTheHourlyBaselineFlooredAtOne() {
        List<ArticleMatch> one = List.of(match("1", "a", "A", T0, null));
        assertThat(evaluate(one, new HourlyVolume(3, 0.0), null)).isEmpty();
        assertThat(evaluate(one, new HourlyVolume(4, 0.0), null).orElseThrow().reason())
                .isEqualTo(AlertReason.SPIKE);
        assertThat(evaluate(one, new HourlyVolume(6, 2.0), null)).isEmpty();
        assertThat(evaluate(one, new HourlyVolume(7, 2.0), null)).isPresent();
    }

    @Test
    void shouldStayQuietDuringTheCooldownOfTheRecommendation() {
        List<ArticleMatch> three = List.of(match("1", "a", "A", T0, null), match("2", "b", "B", T0.plusSeconds(60),
                null), match("3", "c", "C", T0.plusSeconds(120), null));
        assertThat(evaluate(three, QUIET, T0.minusSeconds(30 * 60))).isEmpty();
        assertThat(evaluate(three, QUIET, T0.minusSeconds(59 * 60))).isPresent();
    }

    @Test
    void shouldNotAlertOnOldNewsNorWhenTheRuleIsOff() {
        List<ArticleMatch> three = List.of(match("1", "a", "A", T0, null), match("2", "b", "B", T0.plusSeconds(60),
                null), match("3", "c", "C", T0.plusSeconds(120), null));
        assertThat(detector.evaluate(story(three), three.get(2), QUIET, null, T0.plus(Duration.ofDays(2))))
                .isEmpty();
        Story guns = new Story("demand_guns_cash-000000000000", Recommendation.DEMAND_GUNS_CASH, "h", T0, T0,
                story(three).articles(), List.of("A", "B", "C"), List.of());
        assertThat(detector.evaluate(guns, three.get(2), QUIET, null, T0)).isEmpty();
        assertThat(new BreakingStoryDetector(Map.of()).evaluate(story(three), three.get(2), QUIET, null, T0))
                .isEmpty();
    }
}
