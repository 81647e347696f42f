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
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An article's words under one language's analyzer, found without running the analyzer over the whole text: which
 * vocabulary terms it holds (for the screen and the candidate queries), and the tokens a query could match with
 * their positions and offsets (to index the article without analyzing it a second time).
 *
 * <p>No token of Lucene's standard tokenizer spans ASCII whitespace (UAX #29 always breaks there), and every filter
 * after it works on one token, so the tokens of a text are those of its whitespace-separated chunks in turn;
 * punctuation that only ever joins two letters or digits ({@link #isEdgePunctuation}) can be cut off a chunk's ends
 * as well. News repeats its words, so each distinct chunk is analyzed once and remembered, per thread, in a small
 * two-generation table hashed straight from the text. Of the chunks of an article not remembered yet (names,
 * numbers), the plain words whose token {@link PlainWords} can work out skip the analyzer, and the rest are analyzed
 * together in one pass. Thread-safe after {@link #freeze}.
 */
final class ChunkTerms {
    /** Chunks per generation of a thread's table (two generations, about 1.2 MB per language and thread). */
    static final int CHUNKS_PER_GENERATION = 8_192;
    /** Longer chunks (URLs, runs of symbols) are analyzed every time rather than remembered. */
    static final int LONGEST_REMEMBERED = 64;

    private final Analyzer analyzer;
    private final String field;
    private final QueryTerms kept;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);
    /** Tokens of plain words without the analyzer (null: not for this analyzer). */
    private final PlainWords plainWords;
    private boolean frozen;

    /** {@code kept}: the tokens any query could match (the vocabulary is a part of them). */
    ChunkTerms(Analyzer analyzer, String field, QueryTerms kept) {
        this.analyzer = analyzer;
        this.field = field;
        this.kept = kept;
        this.plainWords = PlainWords.of(analyzer);
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

    /** The words of an article's title and summary. */
    ArticleText read(String title, String summary) {
        Table table = tables.get();
        Pending pending = new Pending();
        ArticleText.Value titleValue = scan(title, table, pending);
        ArticleText.Value summaryValue = scan(summary, table, pending);
        if (!pending.isEmpty()) {
            analyze(pending, table);
        }
        long[] present = new long[(vocabulary.size() >>> 6) + 1];
        titleValue.markVocabulary(present);
        summaryValue.markVocabulary(present);
        return new ArticleText(present, titleValue, summaryValue);
    }

    /** The chunks of a text with what the table remembers of them; unknown ones are left for {@link #analyze}. */
    private static ArticleText.Value scan(String value, Table table, Pending pending) {
        char[] text = value.toCharArray(); // one copy; then the table compares ranges of arrays (vectorized)
        int n = text.length;
        // about one chunk per 6 characters of news; grown by the value if need be
        ArticleText.Value scanned = new ArticleText.Value(n, n / 6 + 4);
        int i = 0;
        while (i < n) {
            while (i < n && isAsciiWhitespace(text[i])) {
                i++;
            }
            int end = i;
            while (end < n && !isAsciiWhitespace(text[end])) {
                end++;
            }
            int from = i;
            int to = end;
            while (from < to && isEdgePunctuation(text[from])) {
                from++;
            }
            while (to > from && isEdgePunctuation(text[to - 1])) {
                to--;
            }
            if (from < to) {
                long hash = hash(text, from, to);
                Chunk known = table.get(text, from, to, hash);
                int at = scanned.add(from, known);
                if (known == null) {
                    pending.add(text, from, to, hash, scanned, at);
                }
            }
            i = end;
        }
        return scanned;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    /**
     * Punctuation that is never part of a token at the edge of a chunk: in UAX #29 these only join two letters or
     * digits around them, so "Mexico," "(Mexico" and "Mexico" yield the same tokens and share one table entry.
     */
    static boolean isEdgePunctuation(char c) {
        return switch (c) {
            case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'' -> true;
            default -> false;
        };
    }

    /** FNV-1a over the chars, then a finaliser; never 0 (0 marks an empty slot). */
    private static long hash(char[] text, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ text[i]) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Chunks of one article the table did not know (ranges of the scanned text), and where their analysis goes. */
    private static final class Pending {
        int size;
        char[][] texts = new char[32][];
        int[] froms = new int[32];
        int[] tos = new int[32];
        long[] hashes = new long[32];
        ArticleText.Value[] values = new ArticleText.Value[32];
        int[] indexes = new int[32];

        boolean isEmpty() {
            return size == 0;
        }

        void add(char[] text, int from, int to, long hash, ArticleText.Value value, int index) {
            if (size == froms.length) {
                int grown = size * 2;
                texts = Arrays.copyOf(texts, grown);
                froms = Arrays.copyOf(froms, grown);
                tos = Arrays.copyOf(tos, grown);
                hashes = Arrays.copyOf(hashes, grown);
                values = Arrays.copyOf(values, grown);
                indexes = Arrays.copyOf(indexes, grown);
            }
            texts[size] = text;
            froms[size] = from;
            tos[size] = to;
            hashes[size] = hash;
            values[size] = value;
            indexes[size] = index;
            size++;
        }
    }

    /**
     * The chunks not remembered yet. Plain words whose token {@link PlainWords} can tell (most names and numbers) are
     * done on their own; the others are analyzed in one pass over them joined by spaces: no token crosses a space,
     * and each token's offset tells its chunk.
     */
    private void analyze(Pending pending, Table table) {
        int count = pending.size;
        Chunk.Builder[] builders = new Chunk.Builder[count];
        StringBuilder joined = null;
        int[] starts = new int[count];
        int[] joinedChunks = new int[count];
        int joinedCount = 0;
        for (int c = 0; c < count; c++) {
            Chunk.Builder chunk = new Chunk.Builder();
            builders[c] = chunk;
            char[] text = pending.texts[c];
            int from = pending.froms[c];
            int to = pending.tos[c];
            int length = plainWords == null ? -1 : plainWords.token(text, from, to, table.token);
            if (length >= 0) {
                chunk.positions = 1;
                keepIfQueried(chunk, table.token, length, 0, to - from);
                continue;
            }
            if (joined == null) {
                joined = new StringBuilder();
            }
            starts[joinedCount] = joined.length();
            joinedChunks[joinedCount++] = c;
            joined.append(text, from, to - from).append(' ');
        }
        if (joined != null) {
            analyzeJoined(joined.toString(), Arrays.copyOf(starts, joinedCount), joinedChunks, builders);
        }
        for (int c = 0; c < count; c++) {
            Chunk chunk = builders[c].build();
            table.put(pending.texts[c], pending.froms[c], pending.tos[c], pending.hashes[c], chunk);
            pending.values[c].set(pending.indexes[c], chunk);
        }
    }

    /** Chunks joined by spaces through the whole analyzer; {@code starts[j]} is where {@code chunks[j]} begins. */
    private void analyzeJoined(String joined, int[] starts, int[] chunks, Chunk.Builder[] builders) {
        try (TokenStream tokens = analyzer.tokenStream(field, joined)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                int at = Arrays.binarySearch(starts, offset.startOffset());
                int j = at >= 0 ? at : -at - 2;
                Chunk.Builder chunk = builders[chunks[j]];
                chunk.positions += increment.getPositionIncrement();
                keepIfQueried(chunk, term.buffer(), term.length(), offset.startOffset() - starts[j],
                        offset.endOffset() - starts[j]);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing an article's words", e);
        }
    }

    /** Keeps {@code token[0, length)}, at {@code [start, end)} of the chunk, if a query could match it. */
    private void keepIfQueried(Chunk.Builder chunk, char[] token, int length, int start, int end) {
        if (kept.keeps(token, length)) {
            String text = new String(token, 0, length);
            Integer id = vocabulary.get(text);
            chunk.keep(text, id == null ? -1 : id, start, end);
        }
    }

    /**
     * What analyzing one chunk gave: how many positions it spans, and its kept tokens (term, vocabulary id or -1,
     * offsets in the chunk, position in the chunk counted from 0).
     */
    record Chunk(int positions, String[] terms, int[] ids, int[] starts, int[] ends, int[] at) {
        private static final Chunk[] NOTHING_KEPT = new Chunk[8];

        static {
            for (int p = 0; p < NOTHING_KEPT.length; p++) {
                NOTHING_KEPT[p] = nothingKept(p);
            }
        }

        private static Chunk nothingKept(int positions) {
            return new Chunk(positions, new String[0], new int[0], new int[0], new int[0], new int[0]);
        }

        boolean keepsAny() {
            return terms.length > 0;
        }

        static final class Builder {
            int positions;
            /** Created on the first kept token: most chunks keep none. */
            private List<String> terms;
            private List<int[]> rest;

            void keep(String term, int id, int start, int end) {
                if (terms == null) {
                    terms = new ArrayList<>(1);
                    rest = new ArrayList<>(1);
                }
                terms.add(term);
                rest.add(new int[] {id, start, end, positions - 1});
            }

            Chunk build() {
                if (terms == null) {
                    // most chunks: one shared instance per position count
                    return positions < NOTHING_KEPT.length ? NOTHING_KEPT[positions] : nothingKept(positions);
                }
                int n = terms.size();
                int[] ids = new int[n];
                int[] starts = new int[n];
                int[] ends = new int[n];
                int[] at = new int[n];
                for (int i = 0; i < n; i++) {
                    int[] r = rest.get(i);
                    ids[i] = r[0];
                    starts[i] = r[1];
                    ends[i] = r[2];
                    at[i] = r[3];
                }
                return new Chunk(positions, terms.toArray(String[]::new), ids, starts, ends, at);
            }
        }
    }

    /**
     * Chunk -> what it gave, in two generations: a chunk is looked up in the young one, then the old one (and copied
     * back); when the young one is full it becomes the old one. Common words survive a turnover, while names and
     * numbers seen once make room.
     */
    private static final class Table {
        /** Where {@link PlainWords} writes a token. */
        final char[] token = new char[LONGEST_REMEMBERED];
        private Generation young = new Generation();
        private Generation old = new Generation();

        Chunk get(char[] text, int from, int to, long hash) {
            Chunk chunk = young.get(text, from, to, hash);
            if (chunk == null) {
                chunk = old.get(text, from, to, hash);
                if (chunk != null) {
                    put(text, from, to, hash, chunk);
                }
            }
            return chunk;
        }

        void put(char[] text, int from, int to, long hash, Chunk chunk) {
            if (to - from > LONGEST_REMEMBERED) {
                return;
            }
            if (young.full()) {
                Generation spare = old;
                old = young;
                young = spare;
                young.clear();
            }
            young.put(text, from, to, hash, chunk);
        }
    }

    /**
     * Open addressing with linear probing. A slot is two adjacent longs (the hash, then where the chunk's characters
     * lie in the pool), so a probe reads one cache line instead of one per parallel array: an article is ~200
     * lookups, and in the pipeline the table shares the CPU's caches with Kafka and the broker.
     */
    private static final class Generation {
        private static final int SLOTS = Integer.highestOneBit(CHUNKS_PER_GENERATION) * 2;
        /** Room for chunks of the average length of news words and more; a generation is full at either limit. */
        private static final int POOL_CHARS = CHUNKS_PER_GENERATION * 16;
        private final long[] slots = new long[SLOTS * 2];
        private final Chunk[] values = new Chunk[SLOTS];
        private final char[] pool = new char[POOL_CHARS];
        private int poolSize;
        private int size;

        boolean full() {
            return size >= CHUNKS_PER_GENERATION || poolSize > POOL_CHARS - LONGEST_REMEMBERED;
        }

        void clear() {
            Arrays.fill(slots, 0);
            Arrays.fill(values, null);
            poolSize = 0;
            size = 0;
        }

        Chunk get(char[] text, int from, int to, long hash) {
            int mask = SLOTS - 1;
            for (int i = (int) hash & mask; slots[2 * i] != 0; i = (i + 1) & mask) {
                if (slots[2 * i] == hash && sameChars(slots[2 * i + 1], text, from, to)) {
                    return values[i];
                }
            }
            return null;
        }

        /** {@code where}: the pool offset in the high bits, the length (at most 64) in the low byte. */
        private boolean sameChars(long where, char[] text, int from, int to) {
            int length = (int) (where & 0xFF);
            int start = (int) (where >>> 8);
            return length == to - from && Arrays.equals(pool, start, start + length, text, from, to);
        }

        void put(char[] text, int from, int to, long hash, Chunk chunk) {
            int length = to - from;
            int mask = SLOTS - 1;
            int i = (int) hash & mask;
            while (slots[2 * i] != 0) {
                if (slots[2 * i] == hash && sameChars(slots[2 * i + 1], text, from, to)) {
                    return; // already there (the same chunk twice in one article)
                }
                i = (i + 1) & mask;
            }
            System.arraycopy(text, from, pool, poolSize, length);
            slots[2 * i] = hash;
            slots[2 * i + 1] = (long) poolSize << 8 | length;
            values[i] = chunk;
            poolSize += length;
            size++;
        }
    }
}
