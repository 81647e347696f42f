package org.agendamonitor.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.stream.AgendaReadModel;

/**
 * An in-memory read model that a test changes while the server reads it from its own threads (HTTP workers and the
 * event broadcaster), hence the concurrent collections. Counts follow the articles added, as the real store's do.
 */
final class LiveReadModel implements AgendaReadModel {
    private final List<MatchedArticle> articles = new CopyOnWriteArrayList<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private volatile boolean ready = true;

    void add(MatchedArticle a) {
        articles.add(a);
        for (Match m : a.matches()) {
            counts.merge(m.recommendation().id() + "|" + a.language(), 1L, Long::sum);
        }
    }

    void addAll(List<MatchedArticle> list) {
        list.forEach(this::add);
    }

    /** Sets a count directly, for tests of the counts alone. */
    void count(String recommendationAndLanguage, long n) {
        counts.put(recommendationAndLanguage, n);
    }

    void ready(boolean value) {
        ready = value;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String state() {
        return ready ? "RUNNING" : "REBALANCING";
    }

    @Override
    public Map<String, Long> matchCounts() {
        return Map.copyOf(counts);
    }

    @Override
    public List<MatchedArticle> recentArticles(Recommendation r, String language, int limit) {
        return articles.stream().filter(a -> r == null || a.matches(r))
                .filter(a -> language == null || language.equals(a.language()))
                .sorted(Comparator.comparing(MatchedArticle::publishedAt).reversed()).limit(limit).toList();
    }
}
