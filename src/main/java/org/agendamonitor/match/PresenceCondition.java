package org.agendamonitor.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What a Lucene query needs of an article's analyzed words, ignoring where they are: a formula over "term t occurs
 * somewhere in the article". It is a <em>necessary</em> condition: when it is false, the query cannot match, because
 * every relaxation below only drops requirements: a phrase or a proximity query needs all of its terms (positions,
 * order and slop are dropped); a clause restricted to the title needs its terms somewhere (the title is part of the
 * text); prohibited clauses, optional clauses beside required ones and minimum-should-match counts are dropped. A
 * query kind the relaxation does not know (prefix, wildcard, fuzzy, range, ...) becomes {@link #ALWAYS}, which is
 * always safe.
 */
sealed interface PresenceCondition {
    /** True whatever the article says. */
    PresenceCondition ALWAYS = new Always();

    /** Whether the condition holds for an article whose present vocabulary terms are the set bits of {@code present}. */
    boolean test(long[] present);

    /** Whether this is {@link #ALWAYS}: the query cannot be screened by words. */
    default boolean always() {
        return false;
    }

    /** Terms present in every article for which the condition holds. */
    BitSet required();

    /**
     * The same condition, tested first against the terms it always needs as one bit mask: most conditions fail on
     * their first required word, and the mask says so without walking the formula.
     */
    static PresenceCondition guarded(PresenceCondition condition) {
        BitSet required = condition.required();
        return required.isEmpty() || condition instanceof Present ? condition
                : new Guarded(condition, required.toLongArray());
    }

    /**
     * The condition for {@code query}; {@code termId} numbers each term the condition refers to (the caller's
     * vocabulary), and numbers it again the same way when the term is seen in an article.
     */
    static PresenceCondition of(Query query, ToIntFunction<Term> termId) {
        if (query instanceof TermQuery q) {
            return term(q.getTerm(), termId);
        }
        if (query instanceof PhraseQuery q) {
            return all(terms(q.getTerms(), termId));
        }
        if (query instanceof MultiPhraseQuery q) {
            List<PresenceCondition> positions = new ArrayList<>();
            for (Term[] alternatives : q.getTermArrays()) {
                positions.add(any(terms(alternatives, termId)));
            }
            return all(positions);
        }
        if (query instanceof SynonymQuery q) {
            return any(terms(q.getTerms().toArray(Term[]::new), termId));
        }
        if (query instanceof BoostQuery q) {
            return of(q.getQuery(), termId);
        }
        if (query instanceof ConstantScoreQuery q) {
            return of(q.getQuery(), termId);
        }
        if (query instanceof DisjunctionMaxQuery q) {
            return any(q.getDisjuncts().stream().map(d -> of(d, termId)).toList());
        }
        if (query instanceof BooleanQuery q) {
            return ofBoolean(q, termId);
        }
        return ALWAYS;
    }

    private static PresenceCondition ofBoolean(BooleanQuery query, ToIntFunction<Term> termId) {
        List<PresenceCondition> required = new ArrayList<>();
        List<PresenceCondition> optional = new ArrayList<>();
        for (BooleanClause clause : query.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(of(clause.getQuery(), termId));
                case SHOULD -> optional.add(of(clause.getQuery(), termId));
                case MUST_NOT -> {
                    // a prohibited clause only ever removes matches
                }
            }
        }
        if (!required.isEmpty()) {
            return all(required);
        }
        // No required clause: Lucene needs at least one optional clause to match (a query of prohibited clauses
        // alone matches nothing, but ALWAYS is the safe answer for it).
        return optional.isEmpty() ? ALWAYS : any(optional);
    }

    private static List<PresenceCondition> terms(Term[] terms, ToIntFunction<Term> termId) {
        List<PresenceCondition> out = new ArrayList<>(terms.length);
        for (Term t : terms) {
            out.add(term(t, termId));
        }
        return out;
    }

    private static PresenceCondition term(Term term, ToIntFunction<Term> termId) {
        return new Present(termId.applyAsInt(term));
    }

    private static PresenceCondition all(List<PresenceCondition> parts) {
        List<PresenceCondition> needed = parts.stream().filter(p -> !p.always()).toList();
        if (needed.isEmpty()) {
            return ALWAYS;
        }
        return needed.size() == 1 ? needed.get(0) : new All(needed);
    }

    private static PresenceCondition any(List<PresenceCondition> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(PresenceCondition::always)) {
            return ALWAYS;
        }
        return parts.size() == 1 ? parts.get(0) : new Any(parts);
    }

    record Always() implements PresenceCondition {
        @Override
        public boolean test(long[] present) {
            return true;
        }

        @Override
        public BitSet required() {
            return new BitSet();
        }

        @Override
        public boolean always() {
            return true;
        }
    }

    /** Vocabulary term {@code id} occurs in the article. */
    record Present(int id) implements PresenceCondition {
        @Override
        public boolean test(long[] present) {
            return (present[id >>> 6] & (1L << id)) != 0;
        }

        @Override
        public BitSet required() {
            BitSet one = new BitSet();
            one.set(id);
            return one;
        }
    }

    record All(List<PresenceCondition> parts) implements PresenceCondition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(long[] present) {
            for (PresenceCondition p : parts) {
                if (!p.test(present)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public BitSet required() {
            BitSet all = new BitSet();
            parts.forEach(p -> all.or(p.required()));
            return all;
        }
    }

    record Any(List<PresenceCondition> parts) implements PresenceCondition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(long[] present) {
            for (PresenceCondition p : parts) {
                if (p.test(present)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public BitSet required() {
            BitSet common = (BitSet) parts.get(0).required().clone();
            parts.forEach(p -> common.and(p.required()));
            return common;
        }
    }

    /** A condition behind the mask of the terms it requires. */
    record Guarded(PresenceCondition condition, long[] mask) implements PresenceCondition {
        @Override
        public boolean test(long[] present) {
            for (int i = 0; i < mask.length; i++) {
                if ((present[i] & mask[i]) != mask[i]) {
                    return false;
                }
            }
            return condition.test(present);
        }

        @Override
        public BitSet required() {
            return BitSet.valueOf(mask);
        }
    }
}
