package org.agendamonitor.progress;

import java.util.Map;
import java.util.TreeMap;
import org.agendamonitor.model.Direction;
import org.agendamonitor.model.Signals;

/** Matched articles, new stories, languages and direction signals of one hour or one day. */
public record Bucket(long articles, long stories, Map<String, Long> byLanguage, Signals signals) {
    public static final Bucket EMPTY = new Bucket(0, 0, Map.of(), Signals.NONE);

    public Bucket {
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
        signals = signals == null ? Signals.NONE : signals;
    }

    Bucket plus(String language, Direction direction, boolean newStory) {
        Map<String, Long> languages = new TreeMap<>(byLanguage);
        languages.merge(language, 1L, Long::sum);
        return new Bucket(articles + 1, stories + (newStory ? 1 : 0), languages, signals.plus(direction));
    }

    /**
     * All of {@code buckets} added up. One language map for the whole sum: adding them pairwise made a map per bucket,
     * and the hourly volume that every match of a live story asks for sums a week of hours (168 maps for one answer).
     */
    static Bucket sum(Iterable<Bucket> buckets) {
        long articles = 0;
        long stories = 0;
        Signals signals = Signals.NONE;
        Map<String, Long> languages = new TreeMap<>();
        for (Bucket b : buckets) {
            articles += b.articles;
            stories += b.stories;
            signals = signals.plus(b.signals);
            b.byLanguage.forEach((k, v) -> languages.merge(k, v, Long::sum));
        }
        return new Bucket(articles, stories, languages, signals);
    }
}
