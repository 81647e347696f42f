package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.config.AgendaSpec;
import org.agendamonitor.config.AgendaTopic;
import org.agendamonitor.config.LanguageQueries;
import org.agendamonitor.config.Milestone;
import org.agendamonitor.config.RecommendationSpec;
import org.agendamonitor.model.Recommendation;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/** Turns the agenda's query texts into Lucene queries over the title and summary fields of their language. */
final class QueryCompiler {

    private QueryCompiler() {
    }

    /** Every query of the agenda, each with a unique monitor id. */
    static List<CompiledQuery> compile(AgendaSpec spec) {
        List<CompiledQuery> out = new ArrayList<>();
        for (RecommendationSpec r : spec.recommendations()) {
            for (AgendaTopic topic : r.topics()) {
                add(out, r.id(), QueryKind.TOPIC, topic.id(), topic.queries());
            }
            add(out, r.id(), QueryKind.EXCLUSION, null, r.exclusions());
            add(out, r.id(), QueryKind.ADVANCE, null, r.direction().advance());
            add(out, r.id(), QueryKind.SETBACK, null, r.direction().setback());
            for (Milestone milestone : r.milestones()) {
                add(out, r.id(), QueryKind.MILESTONE, milestone.id(), milestone.queries());
            }
        }
        return out;
    }

    private static void add(List<CompiledQuery> out, Recommendation r, QueryKind kind, String ref, LanguageQueries q) {
        for (String language : LanguageQueries.LANGUAGES) {
            List<String> texts = q.forLanguage(language);
            for (int i = 0; i < texts.size(); i++) {
                String id = String.join("|", r.id(), kind.name(), ref == null ? "-" : ref, language, Integer.toString(i));
                out.add(new CompiledQuery(id, r, kind, ref, language, texts.get(i)));
            }
        }
    }

    /**
     * Parses with the query's language analyzer over title and summary together: the terms of an AND may be spread
     * over both. The default operator is AND, as in web search boxes. {@code title:} restricts a clause to the title.
     */
    static Query parse(CompiledQuery query, Analyzer analyzer) {
        FieldAliasingParser parser = new FieldAliasingParser(query.language(), analyzer);
        try {
            return parser.parse(query.text());
        } catch (ParseException e) {
            throw new IllegalArgumentException("agenda query " + query.monitorId() + " '" + query.text()
                    + "' does not parse (the loader should have caught this): " + e.getMessage(), e);
        }
    }
}
