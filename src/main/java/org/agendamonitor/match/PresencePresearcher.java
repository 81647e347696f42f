package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene monitor presearcher that selects a query only when its {@link PresenceCondition} holds for the article:
 * the whole boolean structure of the query's words, where Lucene's own term-filtered presearcher keeps one term per
 * conjunction. The agenda's queries are mostly "topic phrase AND (Mexico OR Mexican OR ...)", which the term filter
 * selects for every article that names Mexico; here they run only when the topic words are there too.
 *
 * <p>Each indexed query (after the monitor's decomposition) gets a slot holding its condition; {@link #buildQuery}
 * reads the article's terms from the in-memory index, evaluates every condition and returns the slots that hold.
 * Terms are told apart by the language of their field ({@code text_en} and {@code title_en} are both English), so
 * a Spanish article never wakes an English query. Conditions are necessary, so no query that could match is ever
 * left out. Thread-safe once the queries are registered.
 */
final class PresencePresearcher extends Presearcher {
    static final String SLOT_FIELD = "_presence_slot";
    private static final String ALWAYS_SLOT = "always";

    private final List<PresenceCondition> conditions = new ArrayList<>();
    private final Map<String, Map<BytesRef, Integer>> vocabulary = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), 0);

    /** What {@link #buildQuery} reads: immutable, replaced whole when a query is indexed. */
    private record Snapshot(List<PresenceCondition> conditions, Map<String, Map<BytesRef, Integer>> vocabulary,
                            int terms) {
    }

    @Override
    public synchronized Document indexQuery(Query query, Map<String, String> metadata) {
        PresenceCondition condition = PresenceCondition.of(query, this::termId);
        Document doc = new Document();
        if (condition.always()) {
            doc.add(new StringField(SLOT_FIELD, ALWAYS_SLOT, Field.Store.NO));
        } else {
            doc.add(new StringField(SLOT_FIELD, Integer.toString(conditions.size()), Field.Store.NO));
            conditions.add(condition);
        }
        Map<String, Map<BytesRef, Integer>> copy = new HashMap<>();
        vocabulary.forEach((language, terms) -> copy.put(language, Map.copyOf(terms)));
        snapshot = new Snapshot(List.copyOf(conditions), Map.copyOf(copy), size());
        return doc;
    }

    private int size() {
        return vocabulary.values().stream().mapToInt(Map::size).sum();
    }

    private int termId(Term term) {
        Map<BytesRef, Integer> terms = vocabulary.computeIfAbsent(language(term.field()), l -> new HashMap<>());
        Integer id = terms.get(term.bytes());
        if (id == null) {
            id = size();
            terms.put(BytesRef.deepCopyOf(term.bytes()), id);
        }
        return id;
    }

    /** {@code text_en} and {@code title_en} → {@code en}. */
    private static String language(String field) {
        return field.substring(field.lastIndexOf('_') + 1);
    }

    @Override
    public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
        Snapshot s = snapshot;
        long[] present = new long[(s.terms() >>> 6) + 1];
        try {
            for (FieldInfo field : reader.getFieldInfos()) {
                Map<BytesRef, Integer> known = s.vocabulary().get(language(field.name));
                Terms terms = known == null ? null : reader.terms(field.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    Integer id = known.get(term);
                    if (id != null) {
                        present[id >>> 6] |= 1L << id;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the terms of the article being matched", e);
        }
        List<BytesRef> slots = new ArrayList<>();
        slots.add(new BytesRef(ALWAYS_SLOT));
        List<PresenceCondition> all = s.conditions();
        for (int slot = 0; slot < all.size(); slot++) {
            if (all.get(slot).test(present)) {
                slots.add(new BytesRef(Integer.toString(slot)));
            }
        }
        return new TermInSetQuery(SLOT_FIELD, slots);
    }
}
