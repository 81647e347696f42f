package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Every term the agenda's queries can look for, prohibited clauses included, and the patterns of their prefix or
 * wildcard clauses: what an article's in-memory index needs to hold for the queries to answer exactly as they would
 * over all of its words, positions and offsets unchanged ({@link ChunkTerms} keeps these tokens).
 */
final class QueryTerms {
    /** Null words: every token is kept (some query looks at something else than terms). */
    private final CharArraySet words;
    private final List<ByteRunAutomaton> patterns;

    private QueryTerms(CharArraySet words, List<ByteRunAutomaton> patterns) {
        this.words = words;
        this.patterns = List.copyOf(patterns);
    }

    /** The terms of {@code queries}; all terms when some query looks at something else than terms. */
    static QueryTerms of(Collection<Query> queries) {
        CharArraySet words = new CharArraySet(1024, false);
        List<ByteRunAutomaton> patterns = new ArrayList<>();
        boolean[] byTermsOnly = {true};
        QueryVisitor collector = new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this; // prohibited clauses too: a veto must see its word
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    words.add(t.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                patterns.add(automaton.get());
            }

            @Override
            public void visitLeaf(Query query) {
                byTermsOnly[0] = false;
            }
        };
        queries.forEach(q -> q.visit(collector));
        return byTermsOnly[0] ? new QueryTerms(CharArraySet.unmodifiableSet(words), patterns)
                : new QueryTerms(null, List.of());
    }

    /** Whether a query could match this token. */
    boolean keeps(char[] term, int length) {
        if (words == null || words.contains(term, 0, length)) {
            return true;
        }
        if (patterns.isEmpty()) {
            return false;
        }
        BytesRefBuilder utf8 = new BytesRefBuilder();
        utf8.copyChars(term, 0, length);
        for (ByteRunAutomaton pattern : patterns) {
            if (pattern.run(utf8.bytes(), 0, utf8.length())) {
                return true;
            }
        }
        return false;
    }
}
