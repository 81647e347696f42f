package org.agendamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.agendamonitor.model.Article;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    private static Article article(String id, String title) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        return new Article(id, "feed", "Outlet", "https://example.org/" + id, title, "summary", "en", t, t);
    }

    /** The instance just written is not written again; any other one is, even between two writes of the first. */
    @Test
    void shouldWriteTheLastValueOnceAndEveryOtherValueAnew() {
        Article a = article("a1", "USMCA review");
        Article b = article("b2", "T-MEC");
        byte[] first = serde.toBytes(a);
        assertThat(serde.toBytes(a)).isSameAs(first);
        byte[] other = serde.toBytes(b);
        assertThat(new String(other, StandardCharsets.UTF_8)).contains("\"id\":\"b2\"").contains("T-MEC");
        assertThat(serde.fromBytes(serde.toBytes(a))).isEqualTo(a);
        assertThat(serde.toBytes(article("a1", "USMCA review"))).as("an equal instance").isEqualTo(first)
                .isNotSameAs(first);
    }

    @Test
    void shouldNameTheTypeWhenBytesAreNotJson() {
        assertThatThrownBy(() -> serde.fromBytes("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a valid Article JSON");
        assertThat(serde.toBytes(null)).isNull();
    }
}
