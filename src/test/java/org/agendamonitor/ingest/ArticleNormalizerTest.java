package org.agendamonitor.ingest;

import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.agendamonitor.config.FeedSource;
import org.agendamonitor.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleNormalizerTest {
    private final ArticleNormalizer normalizer = new ArticleNormalizer(new LanguageDetector());

    private static FeedItem item(String title, String summary) {
        return new FeedItem("guid-1", "https://example.com/a", title, true, summary, true, null,
                Instant.parse("2024-03-01T00:00:00Z"), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<b>Bold</b> move               | Bold move",
        "Tom &amp; Jerry                | Tom & Jerry",
        "Caf&eacute; &#233; &#xE9;      | Café é é",
        "a\t  b&nbsp;&nbsp;c\u200B d      | a b c d",
        "<p>one</p><p>two</p>           | one two",
        "<script>evil()</script>clean   | clean",
        "5 < 10 and 10 > 5              | 5 < 10 and 10 > 5"})
    void shouldTurnHtmlIntoPlainText(String html, String text) {
        assertThat(ArticleNormalizer.text(html, true, null)).isEqualTo(text);
    }

    @Test
    void shouldKeepMarkupLiteralWhenTheFeedSaysItIsText() {
        assertThat(ArticleNormalizer.text("Use <b> for  bold", false, null)).isEqualTo("Use <b> for bold");
    }

    @Test
    void shouldCapLongSummariesAtAWordBoundary() {
        String longText = "palabra ".repeat(600);

        Article article = normalizer.normalize(item("t", longText), feed("f"), null, null, FETCHED_AT).article();

        assertThat(article.summary()).hasSizeLessThanOrEqualTo(ArticleNormalizer.MAX_SUMMARY_CHARS)
                .endsWith("palabra…");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "The government said that the new tariffs would be reviewed by the end of the year | en",
        "El gobierno dijo que los nuevos aranceles serán revisados antes del fin del año    | es",
        "O governo disse que as novas tarifas serão revistas até o final do ano            | pt",
        "T-MEC                                                                             | und"})
    void shouldDetectTheLanguageWhenNothingIsDeclared(String text, String language) {
        Article article = normalizer.normalize(item(text, ""), feed("f"), null, null, FETCHED_AT).article();

        assertThat(article.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "item={0} feeds.opml={1} document={2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "es-MX | en   | en-us | es",
        "null  | es   | en-us | es",
        "null  | null | EN_gb | en",
        "xx-!! | null | null  | en"})
    void shouldPreferTheMostSpecificLanguageDeclaration(String itemLang, String configured, String documentLang,
            String expected) {
        FeedSource source = new FeedSource("f", "F", URI.create("https://example.com/f"), "", configured, null);
        FeedItem item = new FeedItem("g", "https://example.com/a", "The minister said that it is over", true, "", true,
                itemLang, null, null);

        Article article = normalizer.normalize(item, source, documentLang, null, FETCHED_AT).article();

        assertThat(article.language()).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheIdWhenTitleAndSummaryAreEdited() {
        Article before = normalizer.normalize(item("Draft title", "first"), feed("f"), null, null, FETCHED_AT)
                .article();
        Article after = normalizer.normalize(item("Final title", "second version"), feed("f"), null, null, FETCHED_AT)
                .article();

        assertThat(after.id()).isEqualTo(before.id());
    }

    @Test
    void shouldUseAPermalinkGuidWhenThereIsNoLink() {
        FeedItem item = new FeedItem("https://example.com/p?utm_medium=rss", null, "t", true, "", true, null, null,
                null);

        Article article = normalizer.normalize(item, feed("f"), null, null, FETCHED_AT).article();

        assertThat(article.url()).isEqualTo("https://example.com/p");
    }

    @Test
    void shouldUseTheFetchTimeForDatesInTheFarFuture() {
        FeedItem item = new FeedItem("g", "https://example.com/a", "t", true, "", true, null,
                Instant.parse("2031-01-01T00:00:00Z"), null);

        ArticleNormalizer.Result result = normalizer.normalize(item, feed("f"), null, null, FETCHED_AT);

        assertThat(result.undated()).isTrue();
        assertThat(result.article().publishedAt()).isEqualTo(FETCHED_AT);
    }
}
