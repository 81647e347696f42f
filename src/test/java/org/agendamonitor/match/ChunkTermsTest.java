package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agendamonitor.config.AgendaSpecLoader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link ChunkTerms} reads chunk by chunk (from a table, or analyzed with other unknown chunks) is token for
 * token what the language's analyzer followed by a keep filter of the queries' terms gives over the whole text:
 * same terms, offsets, position increments and final offset. That is what the in-memory index is fed.
 */
class ChunkTermsTest {

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                "U.S. and Mexico's T-MEC/USMCA review: tariffs of 25%, 3.5 bn; e-mail isn't O'Neill's (cartel).",
                "Iniciativa Me\u0301rida and Me\u0301 \u0301rida; \"Plan Mérida\", 'Entendimiento Bicentenario'.",
                "no\u00a0break\u00a0space, zero\u200bwidth, soft\u00adhyphen, tabs\tand\u000bvertical\ftabs\r\nlines",
                "北京与墨西哥 签署协议 emoji 🇲🇽🇺🇸 👍🏽 ﬁnancial Straße ÆØÅ fentanyl",
                "x".repeat(300) + " Mexico " + "y".repeat(70) + " fentanilo", "   ", "", "'s ... --- ___ 1,000.50 $5",
                "violations violated violate violent USMCA USMCA USMCA, cartel cartel."));
        MatchCorpora.devSet().ifPresent(items -> items.forEach(a -> texts.add(a.summary())));
        MatchCorpora.generated(300).forEach(a -> texts.add(a.title() + ". " + a.summary()));
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void shouldReadTheSameTokensAsTheAnalyzerWithAKeepFilter(String language) throws IOException {
        Analyzer analyzer = AgendaAnalyzers.forLanguage(language);
        QueryTerms kept = agendaTerms();
        String field = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
        ChunkTerms chunks = new ChunkTerms(analyzer, field, kept);
        chunks.freeze();

        int compared = 0;
        for (int round = 0; round < 2; round++) { // the second time from the table
            for (String text : texts()) {
                ArticleText read = chunks.read(text, text);
                List<String> expected = tokens(keeping(analyzer.tokenStream(field, text), kept));
                assertThat(tokens(read.title().tokens())).as(text).isEqualTo(expected);
                assertThat(tokens(read.summary().tokens())).as(text).isEqualTo(expected);
                assertThat(read.title().keepsAny()).isEqualTo(expected.size() > 1);
                compared += expected.size();
            }
        }
        assertThat(compared).as("kept tokens compared").isGreaterThan(1_000);
    }

    /**
     * A generation fills by its count of chunks or by its pool of characters (long chunks); either way the table
     * turns over, and what is read after that must still be what the analyzer says.
     */
    @ParameterizedTest
    @ValueSource(ints = {6, 60})
    void shouldStayExactAcrossTurnoversOfTheTable(int chunkLength) throws IOException {
        Analyzer analyzer = AgendaAnalyzers.forLanguage("en");
        QueryTerms kept = agendaTerms();
        String field = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, "en");
        ChunkTerms chunks = new ChunkTerms(analyzer, field, kept);
        chunks.freeze();

        String first = "Mexico's USMCA review: cartel fentanyl tariffs, Mérida.";
        List<String> expected = tokens(keeping(analyzer.tokenStream(field, first), kept));
        assertThat(tokens(chunks.read(first, first).summary().tokens())).isEqualTo(expected);
        int distinct = 3 * ChunkTerms.CHUNKS_PER_GENERATION;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < distinct; i++) {
            String word = "w" + Integer.toString(i, 36);
            text.append(word.repeat(chunkLength / word.length() + 1), 0, chunkLength).append(" usmca ");
            if (i % 500 == 499) {
                String batch = text.toString();
                List<String> batchExpected = tokens(keeping(analyzer.tokenStream(field, batch), kept));
                assertThat(tokens(chunks.read(batch, batch).summary().tokens())).isEqualTo(batchExpected);
                text.setLength(0);
            }
        }
        assertThat(tokens(chunks.read(first, first).summary().tokens())).as("after the turnovers")
                .isEqualTo(expected);
        assertThat(tokens(chunks.read(first, first).summary().tokens())).as("from the table").isEqualTo(expected);
    }

    /** The terms the production agenda's queries look for. */
    private static QueryTerms agendaTerms() {
        List<CompiledQuery> compiled = QueryCompiler.compile(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
        List<Query> queries = compiled.stream().map(q -> QueryCompiler.parse(q, AgendaAnalyzers.forLanguage(
                q.language()))).toList();
        return QueryTerms.of(queries);
    }

    private static TokenStream keeping(TokenStream input, QueryTerms kept) {
        return new FilteringTokenFilter(input) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean accept() {
                return kept.keeps(term.buffer(), term.length());
            }
        };
    }

    /** "term start-end +increment" per token, then "end finalOffset". */
    static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +"
                        + increment.getPositionIncrement());
            }
            stream.end();
            out.add("end " + offset.endOffset());
        }
        return out;
    }

}
