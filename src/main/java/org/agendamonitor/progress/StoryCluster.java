package org.agendamonitor.progress;

import java.util.List;
import java.util.Objects;
import org.agendamonitor.model.Story;

/**
 * A story with the MinHash signature of each of its articles (value of {@code story-clusters-store}, key = story
 * id). An article joins when it is similar enough to any member, not to an average, so a story can drift as an event
 * develops.
 */
public record StoryCluster(Story story, List<List<Integer>> signatures) {
    public StoryCluster {
        Objects.requireNonNull(story, "story");
        signatures = signatures == null ? List.of() : signatures.stream().map(List::copyOf).toList();
    }
}
