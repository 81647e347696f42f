package org.agendamonitor.match;

import java.util.List;
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
        private final List<int[]> spans;
        private final List<ChunkTerms.Chunk> chunks;

        Value(int length, List<int[]> spans, List<ChunkTerms.Chunk> chunks) {
            this.length = length;
            this.spans = spans;
            this.chunks = chunks;
        }

        void markVocabulary(long[] present) {
            for (ChunkTerms.Chunk c : chunks) {
                for (int id : c.ids()) {
                    if (id >= 0) {
                        present[id >>> 6] |= 1L << id;
                    }
                }
            }
        }

        /** Whether any token of this value is kept (then Lucene's index continues offsets after it). */
        boolean keepsAny() {
            return chunks.stream().anyMatch(ChunkTerms.Chunk::keepsAny);
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
                    while (chunk < chunks.size()) {
                        ChunkTerms.Chunk c = chunks.get(chunk);
                        if (token < c.terms().length) {
                            clearAttributes();
                            int position = base + c.at()[token];
                            int from = spans.get(chunk)[0];
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
