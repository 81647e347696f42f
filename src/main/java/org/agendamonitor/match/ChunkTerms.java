package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Which terms of a fixed vocabulary a text yields under one language's analyzer, without running the analyzer over
 * the whole text. No token of Lucene's standard tokenizer spans ASCII whitespace (UAX #29 always breaks there), and
 * every filter after it works on one token, so the terms of a text are the union of the terms of its
 * whitespace-separated chunks; punctuation that only ever joins two letters or digits ({@link #isEdgePunctuation})
 * can be cut off a chunk's ends as well. News repeats its words, so each distinct chunk is analyzed once and
 * remembered, per thread, in a small two-generation table; the chunks of an article not remembered yet (names,
 * numbers) are analyzed together in one pass.
 *
 * <p>The table is built for the hot path: a chunk is hashed straight from the text (no substring), found with one or
 * two probes of primitive arrays and checked character by character, so an article of 200 words costs a few
 * microseconds once its words are known. Thread-safe after {@link #freeze}.
 */
final class ChunkTerms {
    /** Chunks per generation of a thread's table (two generations, about 1 MB per language and thread). */
    static final int CHUNKS_PER_GENERATION = 8_192;
    /** Longer chunks (URLs, runs of symbols) are analyzed every time rather than remembered. */
    static final int LONGEST_REMEMBERED = 64;
    private static final int[] NO_TERMS = new int[0];

    private final Analyzer analyzer;
    private final String field;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);
    private boolean frozen;

    ChunkTerms(Analyzer analyzer, String field) {
        this.analyzer = analyzer;
        this.field = field;
    }

    /** The id of a vocabulary term, numbered in order of first request (before {@link #freeze}). */
    int termId(String term) {
        if (frozen) {
            throw new IllegalStateException("vocabulary is complete");
        }
        return vocabulary.computeIfAbsent(term, t -> vocabulary.size());
    }

    void freeze() {
        frozen = true;
    }

    /** The vocabulary terms in title and summary, as set bits (bit i = term i). */
    long[] present(String title, String summary) {
        long[] present = new long[(vocabulary.size() >>> 6) + 1];
        Table table = tables.get();
        List<String> unknown = new ArrayList<>();
        List<Long> unknownHashes = new ArrayList<>();
        addChunks(title, present, table, unknown, unknownHashes);
        addChunks(summary, present, table, unknown, unknownHashes);
        if (!unknown.isEmpty()) {
            analyze(unknown, unknownHashes, present, table);
        }
        return present;
    }

    private static void addChunks(String text, long[] present, Table table, List<String> unknown,
            List<Long> unknownHashes) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isAsciiWhitespace(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < n && !isAsciiWhitespace(text.charAt(end))) {
                end++;
            }
            int from = i;
            int to = end;
            while (from < to && isEdgePunctuation(text.charAt(from))) {
                from++;
            }
            while (to > from && isEdgePunctuation(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                long hash = hash(text, from, to);
                int[] ids = table.get(text, from, to, hash);
                if (ids == null) {
                    unknown.add(text.substring(from, to));
                    unknownHashes.add(hash);
                } else {
                    set(present, ids);
                }
            }
            i = end;
        }
    }

    private static void set(long[] present, int[] ids) {
        for (int id : ids) {
            present[id >>> 6] |= 1L << id;
        }
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    /**
     * Punctuation that is never part of a token at the edge of a chunk: in UAX #29 these only join two letters or
     * digits around them, so "Mexico," "(Mexico" and "Mexico" yield the same terms and share one table entry.
     */
    static boolean isEdgePunctuation(char c) {
        return switch (c) {
            case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'' -> true;
            default -> false;
        };
    }

    /** FNV-1a over the chars, then a finaliser; never 0 (0 marks an empty slot). */
    private static long hash(CharSequence text, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * The chunks not remembered yet, analyzed in one pass over them joined by spaces: no token crosses a space, and
     * each token's offset tells its chunk.
     */
    private void analyze(List<String> chunks, List<Long> hashes, long[] present, Table table) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            starts[c] = joined.length();
            joined.append(chunks.get(c)).append(' ');
        }
        int[][] found = new int[chunks.size()][];
        try (TokenStream tokens = analyzer.tokenStream(field, joined.toString())) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                Integer id = vocabulary.get(term.toString());
                if (id != null) {
                    int at = Arrays.binarySearch(starts, offset.startOffset());
                    int chunk = at >= 0 ? at : -at - 2;
                    int[] before = found[chunk] == null ? NO_TERMS : found[chunk];
                    int[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = id;
                    found[chunk] = after;
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing an article's words", e);
        }
        for (int c = 0; c < chunks.size(); c++) {
            int[] ids = found[c] == null ? NO_TERMS : found[c];
            String chunk = chunks.get(c);
            table.put(chunk, 0, chunk.length(), hashes.get(c), ids);
            set(present, ids);
        }
    }

    /**
     * Chunk -> terms, in two generations: a chunk is looked up in the young one, then the old one (and copied back);
     * when the young one is full it becomes the old one. Common words survive a turnover, while names and numbers
     * seen once make room.
     */
    private static final class Table {
        private Generation young = new Generation();
        private Generation old = new Generation();

        int[] get(CharSequence text, int from, int to, long hash) {
            int[] ids = young.get(text, from, to, hash);
            if (ids == null) {
                ids = old.get(text, from, to, hash);
                if (ids != null) {
                    put(text, from, to, hash, ids);
                }
            }
            return ids;
        }

        void put(CharSequence text, int from, int to, long hash, int[] ids) {
            if (to - from > LONGEST_REMEMBERED) {
                return;
            }
            if (young.full()) {
                Generation spare = old;
                old = young;
                young = spare;
                young.clear();
            }
            young.put(text, from, to, hash, ids);
        }
    }

    /** Open addressing with linear probing over parallel arrays; the chunks' characters live in one pool. */
    private static final class Generation {
        private static final int SLOTS = Integer.highestOneBit(CHUNKS_PER_GENERATION) * 2;
        private final long[] hashes = new long[SLOTS];
        private final int[] starts = new int[SLOTS];
        private final int[] lengths = new int[SLOTS];
        private final int[][] values = new int[SLOTS][];
        private final char[] pool = new char[CHUNKS_PER_GENERATION * LONGEST_REMEMBERED];
        private int poolSize;
        private int size;

        boolean full() {
            return size >= CHUNKS_PER_GENERATION;
        }

        void clear() {
            Arrays.fill(hashes, 0);
            Arrays.fill(values, null);
            poolSize = 0;
            size = 0;
        }

        int[] get(CharSequence text, int from, int to, long hash) {
            int mask = SLOTS - 1;
            for (int i = (int) hash & mask; hashes[i] != 0; i = (i + 1) & mask) {
                if (hashes[i] == hash && sameChars(i, text, from, to)) {
                    return values[i];
                }
            }
            return null;
        }

        private boolean sameChars(int slot, CharSequence text, int from, int to) {
            int length = to - from;
            if (lengths[slot] != length) {
                return false;
            }
            int start = starts[slot];
            for (int k = 0; k < length; k++) {
                if (pool[start + k] != text.charAt(from + k)) {
                    return false;
                }
            }
            return true;
        }

        void put(CharSequence text, int from, int to, long hash, int[] ids) {
            int length = to - from;
            int mask = SLOTS - 1;
            int i = (int) hash & mask;
            while (hashes[i] != 0) {
                if (hashes[i] == hash && sameChars(i, text, from, to)) {
                    return; // already there (another lookup of the same article put it)
                }
                i = (i + 1) & mask;
            }
            for (int k = 0; k < length; k++) {
                pool[poolSize + k] = text.charAt(from + k);
            }
            hashes[i] = hash;
            starts[i] = poolSize;
            lengths[i] = length;
            values[i] = ids;
            poolSize += length;
            size++;
        }
    }
}
