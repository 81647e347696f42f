package org.agendamonitor.match;

import java.util.List;
import java.util.Map;
import org.agendamonitor.model.Article;
import org.agendamonitor.model.TermHit;

/** Runs agenda queries on one article with Lucene and says which matched, and where. */
interface QueryRunner extends AutoCloseable {

    /**
     * The queries among {@code candidates} that match the article, by monitor id, each with its hits in the title
     * and summary. {@code texts}: the article's words in each language it is matched in (see
     * {@link AgendaMatcher#languages}).
     */
    Map<String, List<TermHit>> run(Article article, Map<String, ArticleText> texts, List<CompiledQuery> candidates);

    @Override
    void close();
}
