package org.agendamonitor.ingest;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Bytes to text for XML feeds. Order (RFC 3023 as ROME's {@link XmlReader} implements it): BOM, then an HTTP
 * {@code charset} parameter when the server sent one (strict, so it beats a wrong prolog), then the XML prolog, then
 * UTF-8. Wrong declarations never throw, they give mojibake, so the result is checked: replacement characters mean
 * the bytes were not what was declared, and they are decoded again as windows-1252 (a superset of Latin-1 that
 * decodes every byte); UTF-8 declared as Latin-1 is recognised because it decodes cleanly as UTF-8.
 */
final class FeedCharsets {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> SINGLE_BYTE = Set.of("ISO-8859-1", "WINDOWS-1252", "US-ASCII", "ASCII",
            "LATIN1", "CP1252");

    private FeedCharsets() {
    }

    /** The decoded text and the charset that was finally used. */
    record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] body, String contentType) {
        Decoded wide = wideWithoutRomeSupport(body);
        if (wide != null) {
            return wide;
        }
        boolean httpCharset = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
        String viaRome;
        String romeCharset;
        try (XmlReader reader = httpCharset
                ? strictOrLenient(body, contentType) : new XmlReader(new ByteArrayInputStream(body), true, "UTF-8")) {
            romeCharset = reader.getEncoding();
            viaRome = readAll(reader);
        } catch (IOException | RuntimeException e) {
            // A bogus charset name (IllegalCharsetNameException, UnsupportedEncodingException): guess from the bytes.
            return fallback(body);
        }
        boolean declaredSingleByte = romeCharset != null && SINGLE_BYTE.contains(romeCharset.toUpperCase(Locale.ROOT));
        if (declaredSingleByte && !httpCharset && hasMultiByteUtf8(body)) {
            String utf8 = strictUtf8(body);
            if (utf8 != null) {
                return new Decoded(stripBom(utf8), "UTF-8");
            }
        }
        if (viaRome.indexOf('\uFFFD') >= 0 && !containsLiteralReplacementChar(body)) {
            return new Decoded(stripBom(new String(withoutUtf8Bom(body), WINDOWS_1252)), "windows-1252");
        }
        return new Decoded(viaRome, romeCharset);
    }

    /**
     * UTF-32 (any form) and BOM-less UTF-16, recognised from the first four bytes as XML 1.0 Appendix F describes:
     * ROME's XmlReader knows neither, and the document then fails on its first character.
     */
    private static Decoded wideWithoutRomeSupport(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        int head = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        String charset = switch (head) {
            case 0x0000FEFF, 0x0000003C -> "UTF-32BE";
            case 0xFFFE0000, 0x3C000000 -> "UTF-32LE";
            case 0x003C003F -> "UTF-16BE";
            case 0x3C003F00 -> "UTF-16LE";
            default -> null;
        };
        if (charset == null) {
            return null;
        }
        return new Decoded(stripBom(new String(b, Charset.forName(charset))), charset);
    }

    private static XmlReader strictOrLenient(byte[] body, String contentType) throws IOException {
        try {
            return new XmlReader(new ByteArrayInputStream(body), contentType, false);
        } catch (IOException e) {
            // BOM and HTTP charset disagree: ROME's lenient rules pick one rather than refusing the feed.
            return new XmlReader(new ByteArrayInputStream(body), contentType, true);
        }
    }

    private static Decoded fallback(byte[] body) {
        String utf8 = strictUtf8(body);
        return utf8 != null ? new Decoded(stripBom(utf8), "UTF-8")
                : new Decoded(stripBom(new String(withoutUtf8Bom(body), WINDOWS_1252)), "windows-1252");
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasMultiByteUtf8(byte[] body) {
        for (byte b : body) {
            if ((b & 0xE0) == 0xC0 || (b & 0xF0) == 0xE0) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsLiteralReplacementChar(byte[] body) {
        for (int i = 0; i + 2 < body.length; i++) {
            if (body[i] == (byte) 0xEF && body[i + 1] == (byte) 0xBF && body[i + 2] == (byte) 0xBD) {
                return true;
            }
        }
        return false;
    }

    private static byte[] withoutUtf8Bom(byte[] body) {
        boolean bom = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
        return bom ? java.util.Arrays.copyOfRange(body, 3, body.length) : body;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
