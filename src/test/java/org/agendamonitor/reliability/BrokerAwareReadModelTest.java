package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.agendamonitor.kafka.BrokerProbe;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.stream.AgendaReadModel;
import org.agendamonitor.stream.BrokerAwareReadModel;
import org.junit.jupiter.api.Test;

class BrokerAwareReadModelTest {
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private final AtomicReference<BrokerProbe.Status> broker = new AtomicReference<>(
            new BrokerProbe.Status(true, NOW, null));
    private final AgendaReadModel model = new BrokerAwareReadModel(new Running(), broker::get,
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

    private static final class Running implements AgendaReadModel {
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
            return Map.of();
        }

        @Override
        public List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit) {
            return List.of();
        }
    }
}
