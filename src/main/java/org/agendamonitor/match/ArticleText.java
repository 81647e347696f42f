package org.agendamonitor.match;

import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One article's words under one language's analyzer, as {@link ChunkTerms} read them: the vocabulary terms it holds
 * (bit i = term i) and, for title and summary, the tokens some query could match.
 *
 * @param present the vocabulary terms of title and summary
 * @param title   the title's tokens
 * @param summary the summary's tokens
 */
record ArticleText(long[] present, Value title, Value summary) {

    /** One value (title or summary): its chunks in order, each with its span in the text. */
    static final class Value {
        private final int length;
        /** Where each chunk starts in the text, and what analyzing it gave; {@code size} of them. */
        private int[] starts;
        private ChunkTerms.Chunk[] chunks;
        private int size;

        Value(int length, int expectedChunks) {
            this.length = length;
            this.starts = new int[expectedChunks];
            this.chunks = new ChunkTerms.Chunk[expectedChunks];
        }

        /** Appends a chunk starting at {@code from} (null: not analyzed yet, see {@link #set}); returns its index. */
        int add(int from, ChunkTerms.Chunk chunk) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2 + 1);
                chunks = Arrays.copyOf(chunks, size * 2 + 1);
            }
            starts[size] = from;
            chunks[size] = chunk;
            return size++;
        }

        void set(int index, ChunkTerms.Chunk chunk) {
            chunks[index] = chunk;
        }

        void markVocabulary(long[] present) {
            for (int i = 0; i < size; i++) {
                for (int id : chunks[i].ids()) {
                    if (id >= 0) {
                        present[id >>> 6] |= 1L << id;
                    }
                }
            }
        }

        /** Whether any token of this value is kept (then Lucene's index continues offsets after it). */
        boolean keepsAny() {
            for (int i = 0; i < size; i++) {
                if (chunks[i].keepsAny()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The kept tokens as the analyzer with the keep filter would hand them to an index: each with the position
         * increment over the dropped tokens before it, offsets in this value, and the value's length as the final
         * offset.
         */
        TokenStream tokens() {
            return new TokenStream() {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
                private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
                private int chunk;
                private int token;
                private int base;
                private int last = -1;

                @Override
                public void reset() throws java.io.IOException {
                    super.reset();
                    chunk = 0;
                    token = 0;
                    base = 0;
                    last = -1;
                }

                @Override
                public boolean incrementToken() {
                    while (chunk < size) {
                        ChunkTerms.Chunk c = chunks[chunk];
                        if (token < c.terms().length) {
                            clearAttributes();
                            int position = base + c.at()[token];
                            int from = starts[chunk];
                            term.setEmpty().append(c.terms()[token]);
                            offset.setOffset(from + c.starts()[token], from + c.ends()[token]);
                            increment.setPositionIncrement(position - last);
                            last = position;
                            token++;
                            return true;
                        }
                        base += c.positions();
                        chunk++;
                        token = 0;
                    }
                    return false;
                }

                @Override
                public void end() throws java.io.IOException {
                    super.end();
                    offset.setOffset(length, length);
                    increment.setPositionIncrement(Math.max(0, base - 1 - last));
                }
            };
        }
    }
}
