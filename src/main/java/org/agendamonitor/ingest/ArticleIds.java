package org.agendamonitor.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Article identity. The id is derived from the canonical URL first, so it survives GUID churn (feeds that regenerate
 * GUIDs) and edits (a changed title or summary keeps the id); only items without a usable URL fall back to the GUID,
 * scoped by feed because GUIDs are only unique within one feed.
 */
public final class ArticleIds {
    private static final int ID_HEX_CHARS = 32;
    /** Query parameters that identify a campaign or a click, never the article. */
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid",
            "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "_ga", "_gl", "igshid", "yclid", "twclid", "mkt_tok",
            "_hsenc", "_hsmi", "oly_anon_id", "oly_enc_id", "vero_id", "ito", "xtor");
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_");

    private ArticleIds() {
    }

    /**
     * The canonical form of an http(s) URL: scheme and host lower-cased, default port and fragment dropped, tracking
     * parameters removed, remaining parameters sorted, empty path as {@code /}. Returns null for anything that is
     * not an absolute http(s) URL (a {@code tag:} GUID, a relative path, garbage).
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            // Feeds often carry raw spaces in links; %20 is what a browser would send.
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null
                || uri.getHost() == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(url.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /**
     * The article id: the first 32 hex chars of SHA-256 over the canonical URL, else over feed id and GUID.
     *
     * @throws IllegalArgumentException when there is neither a canonical URL nor a GUID
     */
    public static String articleId(String canonicalUrl, String feedId, String guid) {
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            return sha256Hex(canonicalUrl);
        }
        if (guid == null || guid.isBlank() || feedId == null) {
            throw new IllegalArgumentException("an article needs a URL or a GUID (feed " + feedId + ")");
        }
        // The separator keeps ("ab","c") and ("a","bc") apart.
        return sha256Hex(feedId + '\n' + guid.strip());
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        return TRACKING_PARAMS.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
