package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Every term the agenda's queries can look for, prohibited clauses included, and the patterns of their prefix or
 * wildcard clauses: what an article's in-memory index needs to hold for the queries to answer exactly as they would
 * over all of its words (see {@link AgendaAnalyzers#keeping}).
 */
final class QueryTerms {
    private final CharArraySet words;
    private final List<ByteRunAutomaton> patterns;

    private QueryTerms(CharArraySet words, List<ByteRunAutomaton> patterns) {
        this.words = words;
        this.patterns = List.copyOf(patterns);
    }

    /** Empty when some query looks at something else than terms, so that no set of words is enough. */
    static Optional<QueryTerms> of(Collection<Query> queries) {
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
        return byTermsOnly[0] ? Optional.of(new QueryTerms(CharArraySet.unmodifiableSet(words), patterns))
                : Optional.empty();
    }

    /** A filter over {@code input} that lets through only the tokens some query could match. */
    TokenStream keepIn(TokenStream input) {
        return new FilteringTokenFilter(input) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final BytesRefBuilder utf8 = new BytesRefBuilder();

            @Override
            protected boolean accept() {
                if (words.contains(term.buffer(), 0, term.length())) {
                    return true;
                }
                if (patterns.isEmpty()) {
                    return false;
                }
                utf8.copyChars(term.buffer(), 0, term.length());
                for (ByteRunAutomaton pattern : patterns) {
                    if (pattern.run(utf8.bytes(), 0, utf8.length())) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
