package org.agendamonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A breaking-story alert ({@code agenda.alerts.v1}, key = story id; {@code /api/alerts}). At most one per story: the
 * id is derived from recommendation and story id only, so replays and late outlets never raise a second one.
 *
 * @param id             stable alert id (see {@code alert.AlertIds})
 * @param recommendation the recommendation the story is about
 * @param storyId        the story
 * @param headline       the story's headline
 * @param sources        distinct outlets carrying the story (grows in the stored copy as outlets join)
 * @param urls           links to the story's articles
 * @param terms          matched terms
 * @param firstSeen      event time of the story's first article
 * @param lastSeen       event time of its latest article
 * @param reason         the rule that fired
 * @param detail         one sentence saying why, for people
 * @param raisedAt       when the topology raised it
 */
public record Alert(
        String id,
        Recommendation recommendation,
        String storyId,
        String headline,
        List<String> sources,
        List<String> urls,
        List<String> terms,
        Instant firstSeen,
        Instant lastSeen,
        AlertReason reason,
        String detail,
        Instant raisedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(reason, "reason");
        headline = headline == null ? "" : headline;
        sources = sources == null ? List.of() : List.copyOf(sources);
        urls = urls == null ? List.of() : List.copyOf(urls);
        terms = terms == null ? List.of() : List.copyOf(terms);
        detail = detail == null ? "" : detail;
    }

    /** The same alert with the story's current outlets, links and last-seen time (never a new alert). */
    public Alert withStory(Story story) {
        return new Alert(id, recommendation, storyId, headline, story.outlets(),
                story.articles().stream().map(StoryArticle::url).filter(Objects::nonNull).distinct().toList(),
                story.terms(), firstSeen, story.lastSeen(), reason, detail, raisedAt);
    }
}
