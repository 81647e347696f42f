package org.agendamonitor.config;

import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Checks that an agenda query is valid Lucene classic syntax, names no field but {@code title:}, and can match
 * something. The matcher parses the same text
 * with its own per-language analyzers; analysis never turns valid syntax into a parse error, so a neutral analyzer
 * is enough here and keeps {@code config} independent of {@code match}.
 */
final class QuerySyntax {
    private static final StandardAnalyzer ANALYZER = new StandardAnalyzer();
    private static final String DEFAULT_FIELD = "text";
    private static final Set<String> FIELDS = Set.of(DEFAULT_FIELD, "title");

    private QuerySyntax() {
    }

    /** Null when the query is usable, else why not. */
    static String check(String text) {
        if (text == null || text.isBlank()) {
            return "is empty";
        }
        QueryParser parser = new QueryParser(DEFAULT_FIELD, ANALYZER);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query query;
        try {
            query = parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return "does not parse: " + message;
        }
        if (query instanceof BooleanQuery bq && bq.clauses().stream()
                .allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            return "matches nothing (empty, or only NOT clauses)";
        }
        Set<String> fields = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    fields.add(t.field());
                }
            }

            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }
        });
        fields.removeAll(FIELDS);
        return fields.isEmpty() ? null : "uses unknown field " + fields + " (only title: exists)";
    }
}
