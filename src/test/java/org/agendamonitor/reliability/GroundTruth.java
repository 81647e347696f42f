package org.agendamonitor.reliability;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.config.FeedListLoader;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.ingest.FeedParser;
import org.agendamonitor.match.AgendaMatcher;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.Match;
import org.agendamonitor.model.Recommendation;

/**
 * What a perfect run must end with, computed offline from the farm's complete feeds with the production parser and
 * matcher (the test checks delivery, not matching quality): every article id, the matched ids, and the number of
 * distinct matched articles per recommendation.
 */
record GroundTruth(Set<String> articleIds, Set<String> matchedIds, Map<Recommendation, Long> counts) {

    static GroundTruth of(FeedFarm farm, Path opml, Path agendaFile) throws Exception {
        List<FeedSource> sources = FeedListLoader.load(opml);
        Set<String> all = new HashSet<>();
        Set<String> matched = new HashSet<>();
        Map<Recommendation, Long> counts = new EnumMap<>(Recommendation.class);
        for (Recommendation r : Recommendation.values()) {
            counts.put(r, 0L);
        }
        FeedParser parser = new FeedParser();
        try (AgendaMatcher matcher = new AgendaMatcher(AgendaSpecLoader.load(agendaFile))) {
            for (int f : farm.feedNumbers()) {
                FeedSource source = sources.get(f);
                List<Article> articles = parser.parse(farm.fullFeed(f), "application/rss+xml; charset=utf-8",
                        source, Instant.now()).articles();
                for (Article a : articles) {
                    if (!all.add(a.id())) {
                        throw new IllegalStateException("generated two items with the same id " + a.id());
                    }
                    List<Match> matches = matcher.match(a);
                    if (!matches.isEmpty()) {
                        matched.add(a.id());
                    }
                    matches.forEach(m -> counts.merge(m.recommendation(), 1L, Long::sum));
                }
            }
        }
        return new GroundTruth(Set.copyOf(all), Set.copyOf(matched), new TreeMap<>(counts));
    }
}
