package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.agendamonitor.kafka.BrokerProbe;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.junit.jupiter.api.Test;

class BrokerAwareReadModelTest {
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private final AtomicReference<BrokerProbe.Status> broker = new AtomicReference<>(
            new BrokerProbe.Status(true, NOW, null));
    private final Running running = new Running();
    private final AgendaReadModel model = new BrokerAwareReadModel(running, broker::get,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldBeReadyWhenStreamsRunsAndTheBrokerAnswers() {
        assertThat(model.ready()).isTrue();
        assertThat(model.state()).isEqualTo("RUNNING");
    }

    @Test
    void shouldBeUnreadyAndSayWhyWhileTheBrokerIsUnreachable() {
        broker.set(new BrokerProbe.Status(false, NOW.minusSeconds(12), "TimeoutException: no node"));
        assertThat(model.ready()).isFalse();
        assertThat(model.state()).isEqualTo("RUNNING; kafka unreachable for 12 s (TimeoutException: no node)");
    }

    /**
     * The interface answers progress, alerts and stories with empty defaults, so a decorator that forgot to forward
     * them would silently serve nothing (it happened once): every question must reach the wrapped model.
     */
    @Test
    void shouldForwardProgressAlertsAndStoriesToTheWrappedModel() {
        model.progress();
        model.alerts(5);
        model.story("usmca-1");
        model.storyOf("a1", Recommendation.USMCA);
        model.matchCounts();
        model.recentArticles(null, null, 5);
        assertThat(running.calls).containsExactly("progress", "alerts 5", "story usmca-1", "storyOf a1 usmca",
                "matchCounts", "recentArticles 5");
    }

    /** Always running; records every question it is asked. */
    private static final class Running implements AgendaReadModel {
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public String state() {
            return "RUNNING";
        }

        @Override
        public Map<String, Long> matchCounts() {
            calls.add("matchCounts");
            return Map.of();
        }

        @Override
        public List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit) {
            calls.add("recentArticles " + limit);
            return List.of();
        }

        @Override
        public Map<Recommendation, ProgressSnapshot> progress() {
            calls.add("progress");
            return Map.of();
        }

        @Override
        public List<Alert> alerts(int limit) {
            calls.add("alerts " + limit);
            return List.of();
        }

        @Override
        public Optional<Story> story(String id) {
            calls.add("story " + id);
            return Optional.empty();
        }

        @Override
        public Optional<Story> storyOf(String articleId, Recommendation recommendation) {
            calls.add("storyOf " + articleId + " " + recommendation.id());
            return Optional.empty();
        }
    }
}
