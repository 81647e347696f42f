package org.agendamonitor.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic parser over the text (title and summary) field of one language, default operator AND, where an
 * analyst writes {@code title:} and the parser maps it to that language's title field.
 */
final class FieldAliasingParser extends QueryParser {
    private final String language;

    FieldAliasingParser(String language, Analyzer analyzer) {
        super(AgendaAnalyzers.field(AgendaAnalyzers.TEXT, language), analyzer);
        this.language = language;
        setDefaultOperator(Operator.AND);
    }

    private String alias(String field) {
        if (AgendaAnalyzers.TITLE.equals(field)) {
            return AgendaAnalyzers.field(field, language);
        }
        return field;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return super.getFieldQuery(alias(field), queryText, slop);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return super.getFieldQuery(alias(field), queryText, quoted);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(alias(field), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(alias(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(alias(field), termStr, minSimilarity);
    }
}
