package org.agendamonitor.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.agendamonitor.model.Story;

/**
 * A story and the members that represent it for clustering (value of {@code story-clusters-store}, key = story id):
 * an article joins when it is similar enough to any representative, not to an average, so a story can drift as an
 * event develops. The representatives are the first article and the latest ones, at most
 * {@link StoryClusterer#MAX_SIGNATURES}; their MinHash signatures live in {@code story-signatures-store}, written once
 * per article, so that joining a big story rewrites only this small record.
 *
 * @param story            the story
 * @param representatives  article ids whose signatures represent the story: the first, then the latest
 * @param legacySignatures the signatures themselves, as stories were stored before the signature store existed;
 *                         read (to migrate them) but never written
 */
public record StoryCluster(
        Story story,
        List<String> representatives,
        @JsonProperty(value = "signatures", access = JsonProperty.Access.WRITE_ONLY)
        List<List<Integer>> legacySignatures) {

    public StoryCluster {
        Objects.requireNonNull(story, "story");
        representatives = representatives == null ? List.of() : List.copyOf(representatives);
        legacySignatures = legacySignatures == null ? List.of()
                : legacySignatures.stream().map(List::copyOf).toList();
    }

    public StoryCluster(Story story, List<String> representatives) {
        this(story, representatives, List.of());
    }

    /**
     * The representatives of {@code before}, the same story before an article joined, that this one no longer has:
     * their signatures are to be forgotten.
     */
    public List<String> droppedSince(StoryCluster before) {
        Set<String> kept = new HashSet<>(representatives);
        return before.representatives().stream().filter(id -> !kept.contains(id)).toList();
    }

    /** Whether this record still carries its signatures inline (stored by an older version). */
    public boolean legacy() {
        return representatives.isEmpty() && !legacySignatures.isEmpty();
    }
}
