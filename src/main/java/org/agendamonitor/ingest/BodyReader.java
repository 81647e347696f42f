package org.agendamonitor.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads bodies under a size limit that applies to the decompressed bytes, reading at most one byte past the limit:
 * a gzip bomb (a few KB that inflate to gigabytes) stops after {@code limit + 1} inflated bytes, never in memory.
 */
final class BodyReader {
    private BodyReader() {
    }

    /** Thrown when a body is larger than allowed; {@link FetchOutcome#TOO_LARGE}. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    static byte[] readFile(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit);
        }
    }

    static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Undoes a {@code Content-Encoding} of gzip or deflate (RFC 9110 §8.4.1) under the limit; identity and unknown
     * codings are returned as they are (the parser then refuses binary junk with a reason). The gzip magic bytes
     * decide rather than the header alone: servers send gzip without saying so (a stored {@code .xml.gz}), and
     * proxies pass on "gzip" for a body they already inflated.
     */
    static byte[] decode(byte[] raw, String contentEncoding, long limit) throws IOException {
        String coding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        boolean gzipMagic = raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
        if (gzipMagic && (coding.isEmpty() || coding.equals("gzip") || coding.equals("x-gzip"))) {
            return read(new GZIPInputStream(new ByteArrayInputStream(raw)), limit);
        }
        if (coding.equals("deflate")) {
            // "deflate" means zlib-wrapped (RFC 1950), but some servers send raw deflate: the zlib header tells.
            boolean zlib = raw.length >= 2 && (raw[0] & 0x0F) == 8 && ((raw[0] & 0xFF) << 8 | raw[1] & 0xFF) % 31 == 0;
            Inflater inflater = new Inflater(!zlib);
            try {
                return read(new InflaterInputStream(new ByteArrayInputStream(raw), inflater), limit);
            } finally {
                inflater.end(); // a caller-supplied Inflater is not ended by the stream; free its native memory
            }
        }
        if (raw.length > limit) {
            throw new TooLargeException(limit);
        }
        return raw;
    }
}
