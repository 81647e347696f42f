package org.agendamonitor.ingest;

/**
 * What a server said about a feed's version, sent back on the next request (RFC 9110 §13.1): {@code ETag} as
 * {@code If-None-Match} and {@code Last-Modified} as {@code If-Modified-Since}. Kept as opaque strings: servers
 * compare them byte for byte, and a reformatted date would never match.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
