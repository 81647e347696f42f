package org.agendamonitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.agendamonitor.config.AgendaSpecLoader;
import org.agendamonitor.model.Article;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The queries {@link MemoryIndexRunner} rewrites once, before any article, rewrite to the same query on an article's
 * index; those that expand to the index's words are left to be rewritten per article.
 */
class MemoryIndexRunnerTest {

    @Test
    void shouldRewriteOnceOnlyTheQueriesThatRewriteAlikeOnEveryIndex() throws IOException {
        List<CompiledQuery> compiled = QueryCompiler.compile(AgendaSpecLoader.load(Path.of("config", "agenda.yaml")));
        IndexSearcher empty = new MemoryIndex().createSearcher();
        List<IndexSearcher> articles = MatchCorpora.generated(20).stream().map(MemoryIndexRunnerTest::indexOf)
                .toList();
        int alike = 0;
        for (CompiledQuery q : compiled) {
            Query query = QueryCompiler.parse(q, AgendaAnalyzers.forLanguage(q.language()));
            if (MemoryIndexRunner.rewritesAlike(query)) {
                alike++;
                Query once = empty.rewrite(query);
                for (IndexSearcher article : articles) {
                    assertThat(article.rewrite(query)).as(q.text()).isEqualTo(once);
                }
            }
        }
        assertThat(alike).as("agenda queries rewritten once").isGreaterThan(compiled.size() * 9 / 10);
    }

    @Test
    void shouldLeaveQueriesThatExpandToTheIndexsWordsToEachArticle() {
        Query prefix = new PrefixQuery(new Term("text_en", "tarif"));
        assertThat(MemoryIndexRunner.rewritesAlike(prefix)).isFalse();
        Query mixed = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("text_en", "usmca")), BooleanClause.Occur.MUST)
                .add(prefix, BooleanClause.Occur.SHOULD).build();
        assertThat(MemoryIndexRunner.rewritesAlike(mixed)).isFalse();
        assertThat(MemoryIndexRunner.rewritesAlike(new TermQuery(new Term("text_en", "usmca")))).isTrue();
    }

    private static IndexSearcher indexOf(Article a) {
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(AgendaAnalyzers.field(AgendaAnalyzers.TEXT, "en"), a.title() + " " + a.summary(),
                AgendaAnalyzers.forLanguage("en"));
        index.addField(AgendaAnalyzers.field(AgendaAnalyzers.TEXT, "es"), a.title() + " " + a.summary(),
                AgendaAnalyzers.forLanguage("es"));
        return index.createSearcher();
    }
}
