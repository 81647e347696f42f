package org.agendamonitor.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.agendamonitor.kafka.Json;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;
import org.agendamonitor.progress.ProgressCalculator;
import org.agendamonitor.stream.AgendaReadModel;

/** The JSON API (shapes in DESIGN.md). Every answer comes from the read model, the dashboard's only source too. */
final class ApiRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final AgendaReadModel model;
    private final Map<Recommendation, String> titles;
    private final Supplier<? extends List<?>> feedStatuses;

    ApiRoutes(AgendaReadModel model, Map<Recommendation, String> titles, Supplier<? extends List<?>> feedStatuses) {
        this.model = model;
        this.titles = titles;
        this.feedStatuses = feedStatuses;
    }

    void recommendations(HttpExchange ex) throws IOException {
        if (notReady(ex)) {
            return;
        }
        HttpExchanges.json(ex, 200, recommendationViews());
    }

    void articles(HttpExchange ex) throws IOException {
        if (notReady(ex)) {
            return;
        }
        Map<String, String> q = HttpExchanges.query(ex);
        Recommendation recommendation = recommendationParam(q.get("recommendation"));
        String language = languageParam(q.get("language"));
        int limit = limitParam(q.get("limit"));
        HttpExchanges.json(ex, 200, withStories(model.recentArticles(recommendation, language, limit)));
    }

    void alerts(HttpExchange ex) throws IOException {
        if (notReady(ex)) {
            return;
        }
        HttpExchanges.json(ex, 200, model.alerts(limitParam(HttpExchanges.query(ex).get("limit"))));
    }

    void story(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/api/stories/".length());
        if (!id.matches("[a-z_]+-[0-9a-f]{12}")) {
            HttpExchanges.error(ex, 404, "no such story");
            return;
        }
        if (notReady(ex)) {
            return;
        }
        Optional<Story> story = model.story(id);
        if (story.isEmpty()) {
            HttpExchanges.error(ex, 404, "no such story: " + id);
            return;
        }
        Map<String, Object> view = Json.MAPPER.convertValue(story.get(), MAP);
        view.put("size", story.get().size());
        HttpExchanges.json(ex, 200, view);
    }

    void feeds(HttpExchange ex) throws IOException {
        HttpExchanges.json(ex, 200, feedStatuses.get());
    }

    void health(HttpExchange ex) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", model.ready() ? "UP" : "DOWN");
        body.put("streams", model.state());
        HttpExchanges.json(ex, model.ready() ? 200 : 503, body);
    }

    List<Map<String, Object>> recommendationViews() {
        Map<String, Long> counts = model.matchCounts();
        List<Map<String, Object>> views = new ArrayList<>();
        for (Recommendation r : Recommendation.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", r.id());
            view.put("title", titles.getOrDefault(r, r.id()));
            Map<String, Long> byLanguage = new LinkedHashMap<>();
            counts.forEach((key, n) -> {
                if (key.startsWith(r.id() + "|")) {
                    byLanguage.put(key.substring(r.id().length() + 1), n);
                }
            });
            view.put("articles", byLanguage.values().stream().mapToLong(Long::longValue).sum());
            view.put("articles_by_language", byLanguage);
            views.add(view);
        }
        addProgress(views);
        return views;
    }

    /**
     * Adds each recommendation's progress snapshot (snake_case fields, DESIGN.md) and its share of voice: its matched
     * articles of the last 7 days over those of all three. {@code articles} stays the exact count-store figure.
     */
    private void addProgress(List<Map<String, Object>> views) {
        Map<Recommendation, ProgressSnapshot> progress = model.progress();
        Map<Recommendation, Long> week = new EnumMap<>(Recommendation.class);
        progress.forEach((r, p) -> week.put(r, p.articlesWeek()));
        Map<Recommendation, Double> share = ProgressCalculator.shareOfVoice(week);
        for (Map<String, Object> view : views) {
            Recommendation r = Recommendation.fromId((String) view.get("id"));
            ProgressSnapshot snapshot = progress.get(r);
            if (snapshot != null) {
                Map<String, Object> fields = Json.MAPPER.convertValue(snapshot, MAP);
                fields.remove("recommendation");
                fields.remove("articles");
                view.putAll(fields);
            }
            view.put("share_of_voice", share.get(r));
        }
    }

    /** Articles as JSON with the story of each match ({@code storyId}, {@code storySize}; the first match's on top). */
    private List<Map<String, Object>> withStories(List<MatchedArticle> articles) {
        List<Map<String, Object>> views = new ArrayList<>(articles.size());
        for (MatchedArticle a : articles) {
            Map<String, Object> view = Json.MAPPER.convertValue(a, MAP);
            List<Map<String, Object>> matches = new ArrayList<>();
            for (Match m : a.matches()) {
                Map<String, Object> match = Json.MAPPER.convertValue(m, MAP);
                model.storyOf(a.id(), m.recommendation()).ifPresent(story -> {
                    match.put("storyId", story.id());
                    match.put("storySize", story.size());
                    view.putIfAbsent("storyId", story.id());
                    view.putIfAbsent("storySize", story.size());
                });
                matches.add(match);
            }
            view.put("matches", matches);
            views.add(view);
        }
        return views;
    }

    List<MatchedArticle> articles(Recommendation r, String language, int limit) {
        return model.recentArticles(r, language, limit);
    }

    private boolean notReady(HttpExchange ex) throws IOException {
        if (model.ready()) {
            return false;
        }
        HttpExchanges.error(ex, 503, "not ready: Kafka Streams is " + model.state());
        return true;
    }

    static Recommendation recommendationParam(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Recommendation.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("parameter recommendation: " + e.getMessage());
        }
    }

    static String languageParam(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[a-z]{2,3}")) {
            throw new BadRequestException("parameter language must be a language code such as en or es");
        }
        return value;
    }

    static int limitParam(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_LIMIT) {
                throw new BadRequestException("parameter limit must be between 1 and " + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("parameter limit must be a whole number");
        }
    }
}
