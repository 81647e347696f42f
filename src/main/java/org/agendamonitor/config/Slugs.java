package org.agendamonitor.config;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Ids made from display names: lower-case ASCII letters and digits joined by single dashes
 * ("Reuters — Mundo" → "reuters-mundo").
 */
public final class Slugs {
    private Slugs() {
    }

    /** The slug of a name; empty when the name has no letter or digit at all. */
    public static String slug(String name) {
        if (name == null) {
            return "";
        }
        // NFD splits "ñ" into "n" plus a combining mark, which the next step drops, so Spanish names stay readable.
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
