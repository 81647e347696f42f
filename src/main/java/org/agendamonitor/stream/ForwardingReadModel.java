package org.agendamonitor.stream;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.agendamonitor.model.Alert;
import org.agendamonitor.model.MatchedArticle;
import org.agendamonitor.model.ProgressSnapshot;
import org.agendamonitor.model.Recommendation;
import org.agendamonitor.model.Story;

/**
 * A read model that hands every question to another one; decorators extend it and override only what they change.
 * Forwarding every method explicitly (rather than relying on the interface's defaults) keeps a new question from
 * silently answering "nothing" through a decorator.
 */
public abstract class ForwardingReadModel implements AgendaReadModel {
    private final AgendaReadModel delegate;

    protected ForwardingReadModel(AgendaReadModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected AgendaReadModel delegate() {
        return delegate;
    }

    @Override
    public boolean ready() {
        return delegate.ready();
    }

    @Override
    public String state() {
        return delegate.state();
    }

    @Override
    public Map<String, Long> matchCounts() {
        return delegate.matchCounts();
    }

    @Override
    public List<MatchedArticle> recentArticles(Recommendation recommendation, String language, int limit) {
        return delegate.recentArticles(recommendation, language, limit);
    }

    @Override
    public Map<Recommendation, ProgressSnapshot> progress() {
        return delegate.progress();
    }

    @Override
    public List<Alert> alerts(int limit) {
        return delegate.alerts(limit);
    }

    @Override
    public Optional<Story> story(String id) {
        return delegate.story(id);
    }

    @Override
    public Optional<Story> storyOf(String articleId, Recommendation recommendation) {
        return delegate.storyOf(articleId, recommendation);
    }
}
