package org.agendamonitor.stream;

import org.agendamonitor.model.ArticleMatch;
import org.agendamonitor.model.Story;

/** A match and the story it now belongs to; passed between the story and progress processors, never serialized. */
record StoryUpdate(ArticleMatch match, Story story, boolean newStory) {
}
