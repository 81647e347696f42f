package org.agendamonitor.ingest;

import static org.agendamonitor.ingest.Fixtures.FETCHED_AT;
import static org.agendamonitor.ingest.Fixtures.bytes;
import static org.agendamonitor.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.agendamonitor.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String fixture) throws FeedRejectedException {
        return parser.parse(bytes(fixture), null, feed("t"), FETCHED_AT);
    }

    @Test
    void shouldReadRss2ItemsAsPlainTextWithCanonicalUrls() throws Exception {
        ParsedFeed parsed = parse("rss2-basic.xml");

        assertThat(parsed.articles()).hasSize(2);
        Article first = parsed.articles().get(0);
        assertThat(first.title()).isEqualTo("Leaders meet on border security & trade");
        assertThat(first.summary()).isEqualTo("The two governments agreed on a new framework. More soon.");
        assertThat(first.url()).isEqualTo("https://news.example.com/world/summit?a=1&b=2");
        assertThat(first.id()).isEqualTo(ArticleIds.articleId(first.url(), "t", "wire-0001"));
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-03-05T14:30:00Z"));
        assertThat(first.fetchedAt()).isEqualTo(FETCHED_AT);
        assertThat(first.feedId()).isEqualTo("t");
        assertThat(parsed.ttlMinutes()).isEqualTo(45);
    }

    @Test
    void shouldResolveRelativeRssLinksAgainstTheChannelLink() throws Exception {
        Article second = parse("rss2-basic.xml").articles().get(1);

        assertThat(second.url()).isEqualTo("https://news.example.com/world/second");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2024-03-06T15:00:00Z"));
    }

    @Test
    void shouldResolveRelativeAtomLinksAndKeepTextTitlesLiteral() throws Exception {
        List<Article> articles = parse("atom1-relative-links.xml").articles();

        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).url()).isEqualTo("https://atom.example.org/blog/posts/tariffs");
        assertThat(articles.get(0).title()).isEqualTo("Tariffs: 5 < 10, says <b>minister</b>");
        assertThat(articles.get(0).summary()).isEqualTo("Los aranceles suben.");
        assertThat(articles.get(0).publishedAt()).isEqualTo(Instant.parse("2024-03-05T15:00:00Z"));
        assertThat(articles.get(1).url()).isNull();
        assertThat(articles.get(1).id()).isEqualTo(ArticleIds.articleId(null, "t", "tag:atom.example.org,2024:2"));
        assertThat(articles.get(1).summary()).isEqualTo("Contenido sin enlace.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rss2-iso-8859-1.xml, Mérida: acuerdo de cooperación en seguridad",
        "rss2-utf8-declared-latin1.xml, Mérida y la cooperación",
        "rss2-latin1-declared-utf8.xml, Mérida y la cooperación",
        "rss2-bogus-charset.xml, Aranceles y el T-MEC"})
    void shouldDecodeTitlesWhateverTheDeclaredCharset(String fixture, String title) throws Exception {
        assertThat(parse(fixture).articles()).extracting(Article::title).containsExactly(title);
    }

    @Test
    void shouldLetTheHttpCharsetWinOverAWrongProlog() throws Exception {
        byte[] utf8DeclaredLatin1 = bytes("rss2-utf8-declared-latin1.xml");

        ParsedFeed parsed = parser.parse(utf8DeclaredLatin1, "application/rss+xml; charset=utf-8", feed("t"),
                FETCHED_AT);

        assertThat(parsed.articles().get(0).title()).isEqualTo("Mérida y la cooperación");
    }

    @Test
    void shouldParseLegacyRss091WithItsNetscapeDoctype() throws Exception {
        ParsedFeed parsed = parse("rss091-netscape-doctype.xml");

        assertThat(parsed.articles()).extracting(Article::title).containsExactly("Legacy item");
        assertThat(parsed.articles().get(0).url()).isEqualTo("http://old.example.com/items/1");
    }

    @Test
    void shouldDecodeUndeclaredHtmlEntitiesAndDetectSpanish() throws Exception {
        Article article = parse("html-entities-spanish.xml").articles().get(0);

        assertThat(article.title()).isEqualTo("La reunión sobre migración terminó sin acuerdo en Bruselas");
        assertThat(article.summary()).contains("España es «firme»").endsWith("en un mes…");
        assertThat(article.language()).isEqualTo("es");
    }

    @Test
    void shouldExpandHarmlessInternalEntities() throws Exception {
        assertThat(parse("internal-entity.xml").articles().get(0).title())
                .isEqualTo("La Compañía Mexicana anuncia inversión");
    }

    @Test
    void shouldReadJsonFeed11() throws Exception {
        ParsedFeed parsed = parse("json-feed-1.1.json");

        assertThat(parsed.articles()).hasSize(2);
        Article first = parsed.articles().get(0);
        assertThat(first.url()).isEqualTo("https://json.example.net/posts/1");
        assertThat(first.summary()).isEqualTo("The USMCA review starts.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-03-05T15:00:00Z"));
        assertThat(first.language()).isEqualTo("en");
        Article second = parsed.articles().get(1);
        assertThat(second.id()).isEqualTo(ArticleIds.articleId(null, "t", "2"));
        assertThat(second.publishedAt()).isEqualTo(FETCHED_AT);
        assertThat(parsed.undated()).isEqualTo(1);
    }

    @Test
    void shouldReadRss10RdfWithItemLanguage() throws Exception {
        Article article = parse("rss10-rdf.xml").articles().get(0);

        assertThat(article.title()).isEqualTo("RDF item");
        assertThat(article.language()).isEqualTo("de");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
    }

    @Test
    void shouldSkipEntriesWithoutIdentityOrTextAndCountWhy() throws Exception {
        ParsedFeed parsed = parse("rss2-entry-problems.xml");

        assertThat(parsed.articles()).extracting(Article::title).containsExactly("Kept");
        assertThat(parsed.skippedByReason()).containsEntry(ArticleNormalizer.SKIP_NO_LINK_NO_GUID, 1)
                .containsEntry(ArticleNormalizer.SKIP_NO_TITLE_NO_SUMMARY, 2);
    }

    @Test
    void shouldReadExtraDateFormatsAndFlagUndatedItems() throws Exception {
        ParsedFeed parsed = parse("rss2-odd-dates.xml");

        assertThat(parsed.articles()).extracting(Article::publishedAt).containsExactly(
                Instant.parse("2024-03-05T14:30:00Z"), Instant.parse("2024-03-05T20:30:00Z"), FETCHED_AT, FETCHED_AT);
        assertThat(parsed.undated()).isEqualTo(2);
    }

    @Test
    void shouldTreatRssWithoutChannelAsAnEmptyFeed() throws Exception {
        ParsedFeed parsed = parse("rss2-no-channel.xml");

        assertThat(parsed.articles()).isEmpty();
        assertThat(parsed.skippedByReason()).isEmpty();
    }

    @Test
    void shouldReadAtomWithoutNamespaceAsAtom10() throws Exception {
        assertThat(parse("atom-no-namespace.xml").articles()).extracting(Article::url)
                .containsExactly("https://nons.example.com/a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "html-not-a-feed.html, NOT_A_FEED, HTML page",
        "xml-not-a-feed.xml, NOT_A_FEED, root element <note>",
        "opml-not-a-feed.opml, NOT_A_FEED, OPML",
        "empty.xml, PARSE_ERROR, empty document",
        "rss2-truncated.xml, PARSE_ERROR, not well-formed XML"})
    void shouldRejectWithAReasonWhenTheDocumentIsNotAFeed(String fixture, FetchOutcome outcome, String reason) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOfSatisfying(FeedRejectedException.class, e -> {
            assertThat(e.outcome()).isEqualTo(outcome);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    @Test
    void shouldRejectJsonThatIsNotAJsonFeed() {
        byte[] json = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(json, "application/json", feed("t"), FETCHED_AT))
                .isInstanceOfSatisfying(FeedRejectedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(FetchOutcome.NOT_A_FEED));
    }

    @Test
    void shouldTurnRomeRuntimeExceptionsIntoRejections() {
        // ROME's Atom 0.3 base64 decoder throws ArrayIndexOutOfBoundsException when the text has line breaks.
        String atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title mode=\"base64\">\n"
                + "    VGFyaWZmcyBhbmQgPGk+dHJhZGU8L2k+\n  </title><entry><title>x</title></entry></feed>";

        assertThatThrownBy(() -> parser.parse(atom03.getBytes(StandardCharsets.UTF_8), null, feed("t"), FETCHED_AT))
                .isInstanceOfSatisfying(FeedRejectedException.class,
                        e -> assertThat(e.getMessage()).startsWith("ROME failed while"));
    }
}
