package org.agendamonitor.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.TermHit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * The article as Lucene indexes it, and Lucene's offsets mapped back to its own title and summary. The text field of
 * a language holds the title and the summary as two values (a query's terms may be spread over both, a phrase never
 * spans them), the title field the title alone. In the text field the summary's offsets continue after the title's
 * length plus the offset gap, but only when the title left a token in the index (that is how Lucene's in-memory
 * index counts), which is why the caller says so per field.
 */
final class ArticleHits {
    private final Article article;

    ArticleHits(Article article) {
        this.article = article;
    }

    /** The fields Lucene indexes for the article, in {@code languages}. */
    static Document document(Article article, List<String> languages) {
        Document document = new Document();
        for (String language : languages) {
            String text = AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language);
            document.add(new TextField(text, article.title(), Field.Store.NO));
            document.add(new TextField(text, article.summary(), Field.Store.NO));
            document.add(new TextField(AgendaAnalyzers.field(AgendaAnalyzers.TITLE, language), article.title(),
                    Field.Store.NO));
        }
        return document;
    }

    /** Whether {@code analyzer} leaves at least one token of {@code text} in {@code field}. */
    static boolean leavesAToken(Analyzer analyzer, String field, String text) {
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            tokens.reset();
            boolean any = tokens.incrementToken();
            while (tokens.incrementToken()) {
                // drain, as a token stream must be consumed before it is ended and closed
            }
            tokens.end();
            return any;
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing the title of " + field, e);
        }
    }

    /** A collector of one query's hits. */
    Collector collector() {
        return new Collector();
    }

    final class Collector {
        private final Set<TermHit> hits = new TreeSet<>(RecommendationVerdict.HIT_ORDER);

        /** A hit of Lucene's {@code field} at these offsets. */
        void add(String field, boolean titleTokens, int startOffset, int endOffset) {
            String title = article.title();
            int summaryBase = titleTokens ? title.length() + AgendaAnalyzers.OFFSET_GAP : 0;
            boolean titleOnly = AgendaAnalyzers.baseField(field).equals(AgendaAnalyzers.TITLE);
            if (titleOnly || (titleTokens && endOffset <= title.length())) {
                keep(AgendaAnalyzers.TITLE, title, startOffset, endOffset);
            } else {
                keep(AgendaAnalyzers.SUMMARY, article.summary(), startOffset - summaryBase, endOffset - summaryBase);
            }
        }

        private void keep(String field, String text, int start, int end) {
            if (start >= 0 && start <= end && end <= text.length()) {
                hits.add(new TermHit(field, start, end, text.substring(start, end)));
            }
        }

        List<TermHit> hits() {
            return List.copyOf(hits);
        }
    }
}
