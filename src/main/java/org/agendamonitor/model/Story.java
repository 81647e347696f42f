package org.agendamonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The same event reported by one or more outlets: near-duplicate articles of one recommendation grouped together.
 * Every article still counts as a distinct article; a story counts once.
 *
 * @param id             stable id: recommendation id + hash of the first article's id (the same on every replay)
 * @param recommendation the recommendation the articles matched
 * @param headline       the title of the first article
 * @param firstSeen      event time of the earliest article
 * @param lastSeen       event time of the latest article
 * @param articles       the first article and the latest ones, in arrival order: at most {@link #LISTED} (a big
 *                       story stays a small record, since it is rewritten each time an article joins)
 * @param outlets        distinct outlet names, in order of first appearance
 * @param terms          distinct matched terms over all articles, in order of first appearance
 * @param size           how many distinct articles the story has, listed or not
 */
public record Story(
        String id,
        Recommendation recommendation,
        String headline,
        Instant firstSeen,
        Instant lastSeen,
        List<StoryArticle> articles,
        List<String> outlets,
        List<String> terms,
        int size) {

    /** Articles a story lists: its first and the {@code LISTED - 1} latest. */
    public static final int LISTED = 20;

    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendation, "recommendation");
        headline = headline == null ? "" : headline;
        articles = articles == null ? List.of() : List.copyOf(articles);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        terms = terms == null ? List.of() : List.copyOf(terms);
        // stories stored before the size was kept listed all their articles
        size = Math.max(size, articles.size());
    }

    /** A story whose articles are all listed. */
    public Story(String id, Recommendation recommendation, String headline, Instant firstSeen, Instant lastSeen,
            List<StoryArticle> articles, List<String> outlets, List<String> terms) {
        this(id, recommendation, headline, firstSeen, lastSeen, articles, outlets, terms, 0);
    }

    /** Whether the article is among the listed ones. */
    public boolean contains(String articleId) {
        return articles.stream().anyMatch(a -> a.id().equals(articleId));
    }
}
