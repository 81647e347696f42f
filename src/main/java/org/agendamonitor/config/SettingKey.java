package org.agendamonitor.config;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * One known setting: its name, default and validator. The full table lives in {@link Settings#KEYS}; a key that is
 * not there (and not a {@code kafka.} pass-through) stops start-up.
 */
record SettingKey(String name, String defaultValue, String description, Function<String, String> validator) {

    /** Validators return null when the value is fine, else what is wrong with it. */
    static Function<String, String> anyString() {
        return v -> null;
    }

    static Function<String, String> intRange(long min, long max) {
        return v -> {
            try {
                long n = Long.parseLong(v.trim());
                return n < min || n > max ? "must be between " + min + " and " + max : null;
            } catch (NumberFormatException e) {
                return "is not a whole number";
            }
        };
    }

    static Function<String, String> bool() {
        return v -> v.trim().equalsIgnoreCase("true") || v.trim().equalsIgnoreCase("false")
                ? null : "must be true or false";
    }

    static Function<String, String> httpUrl() {
        return v -> {
            if (v.isBlank()) {
                return null;
            }
            try {
                String scheme = URI.create(v.trim()).getScheme();
                return scheme != null && scheme.toLowerCase(Locale.ROOT).matches("https?")
                        ? null : "must be an http(s) URL";
            } catch (IllegalArgumentException e) {
                return "is not a valid URL";
            }
        };
    }

    static Function<String, String> oneOf(String... allowed) {
        return v -> {
            for (String a : allowed) {
                if (a.equals(v.trim())) {
                    return null;
                }
            }
            return "must be one of " + String.join(", ", allowed);
        };
    }
}
