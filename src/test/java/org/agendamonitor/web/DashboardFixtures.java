package org.agendamonitor.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.TermHit;

/**
 * Test data for the dashboard, from src/test/resources/web/: {@code articles.json} (six ordinary EN/ES articles with
 * TermHit offsets), {@code hostile-articles.json} (markup, script and URL tricks in every feed field),
 * {@code story-articles.json} (articles sharing a storyId) and {@code recommendations-progress.json} (the shape the
 * progress stage will serve).
 */
final class DashboardFixtures {
    private DashboardFixtures() {
    }

    static List<MatchedArticle> articles(String name) {
        try (InputStream in = resource(name)) {
            return Json.MAPPER.readValue(in, new TypeReference<List<MatchedArticle>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try (InputStream in = resource(name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return json(name).toString();
    }

    /** A Spanish USMCA article published after everything in the fixtures, as a live update would bring. */
    static MatchedArticle breaking(String id, String title, String url) {
        Instant t = Instant.parse("2026-11-28T07:00:00Z");
        int at = title.indexOf("T-MEC");
        List<TermHit> hits = at < 0 ? List.of() : List.of(new TermHit("title", at, at + 5, "T-MEC"));
        Match m = new Match(Recommendation.USMCA, 2.0, List.of("joint-review"), List.of("T-MEC"), hits,
                Direction.ADVANCE, null, "joint-review fired on 'T-MEC'");
        return new MatchedArticle(id, "gaceta-es", "La Gaceta", url, title, "", "es", t, t, List.of(m));
    }

    private static InputStream resource(String name) {
        InputStream in = DashboardFixtures.class.getResourceAsStream("/web/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource /web/" + name);
        }
        return in;
    }
}
