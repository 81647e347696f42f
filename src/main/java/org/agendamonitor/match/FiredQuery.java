package org.agendamonitor.match;

import java.util.List;
import org.agendamonitor.model.TermHit;

/**
 * An agenda query that matched an article, with the words it matched.
 *
 * @param kind     what the query is for
 * @param ref      topic or milestone id, or null
 * @param language the language of the query
 * @param query    the query as written in agenda.yaml
 * @param hits     where it matched, in title then summary order
 */
public record FiredQuery(QueryKind kind, String ref, String language, String query, List<TermHit> hits) {
    public FiredQuery {
        hits = List.copyOf(hits);
    }

    boolean inTitle() {
        return hits.stream().anyMatch(h -> h.field().equals(AgendaAnalyzers.TITLE));
    }
}
