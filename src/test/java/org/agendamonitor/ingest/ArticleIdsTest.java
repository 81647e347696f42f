package org.agendamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://News.Example.COM/a/b                          | https://news.example.com/a/b",
        "http://example.com:80/x                               | http://example.com/x",
        "https://example.com:443/x                             | https://example.com/x",
        "https://example.com:8443/x                            | https://example.com:8443/x",
        "http://example.com                                    | http://example.com/",
        "https://example.com/a#comments                        | https://example.com/a",
        "https://example.com/a?utm_source=rss&utm_medium=feed  | https://example.com/a",
        "https://example.com/a?b=2&a=1                         | https://example.com/a?a=1&b=2",
        "https://example.com/a?id=7&fbclid=XYZ&gclid=1&mc_cid=2&mc_eid=3 | https://example.com/a?id=7",
        "https://example.com/a?ocid=x&cmpid=y&_ga=z&UTM_Campaign=w&page=2 | https://example.com/a?page=2",
        "https://example.com/Path/Case?Q=Keep                  | https://example.com/Path/Case?Q=Keep",
        "https://example.com/a b                               | https://example.com/a%20b",
        "https://example.com/caf%C3%A9?x=%20                   | https://example.com/caf%C3%A9?x=%20"})
    void shouldCanonicalizeUrlsWhenTheyDifferOnlyInNoise(String url, String canonical) {
        assertThat(ArticleIds.canonicalUrl(url)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tag:example.com,2024:1", "/relative/path", "ftp://example.com/x", "mailto:a@b.c",
        "http://", "not a url at all", "https://exa mple.com/"})
    void shouldGiveNoCanonicalUrlWhenTheValueIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(ArticleIds.canonicalUrl(url)).isNull();
    }

    @Test
    void shouldDeriveTheIdFromTheUrlSoGuidChurnKeepsIt() {
        String url = ArticleIds.canonicalUrl("https://example.com/story?utm_source=a");

        String first = ArticleIds.articleId(url, "wire", "guid-1");
        String afterGuidChange = ArticleIds.articleId(url, "other-feed", "guid-2");

        assertThat(first).isEqualTo(afterGuidChange).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldUseTheSameIdForTrackingVariantsOfOneUrl() {
        String plain = ArticleIds.articleId(ArticleIds.canonicalUrl("https://example.com/s"), "f", null);
        String tracked = ArticleIds.articleId(ArticleIds.canonicalUrl("HTTPS://EXAMPLE.com:443/s?fbclid=1#top"), "f",
                null);

        assertThat(tracked).isEqualTo(plain);
    }

    @Test
    void shouldFallBackToFeedAndGuidWhenThereIsNoUrl() {
        String a = ArticleIds.articleId(null, "feed-a", "urn:1");
        String b = ArticleIds.articleId(null, "feed-b", "urn:1");

        assertThat(a).isNotEqualTo(b).hasSize(32);
        assertThat(ArticleIds.articleId(null, "feed-a", " urn:1 ")).isEqualTo(a);
    }

    @Test
    void shouldRefuseAnIdWhenThereIsNeitherUrlNorGuid() {
        assertThatThrownBy(() -> ArticleIds.articleId(null, "feed-a", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed-a");
    }
}
