package org.agendamonitor.ingest;

import com.rometools.rome.io.impl.DateParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Second chance for dates ROME could not read: ROME's own parser again with a Spanish locale (month and day names
 * such as "Ene", "Lun"), then a few masks seen in real feeds. A date without a zone is taken as UTC. Dates before 1990
 * are refused: they are placeholders ({@code 0001-01-01}, epoch zero), not publication times.
 */
final class FeedDates {
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final List<DateTimeFormatter> ZONED = List.of(
            pattern("yyyy-MM-dd HH:mm:ss[.SSS][ ]XXX"),
            pattern("yyyy-MM-dd HH:mm:ss[ ]Z"),
            pattern("EEE, d MMM yyyy HH:mm[ ]Z"),
            pattern("EEE MMM d HH:mm:ss zzz yyyy"),
            pattern("d MMM yyyy HH:mm[:ss][ ]Z"),
            pattern("EEEE, MMMM d, yyyy h:mm a z"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            pattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]"),
            pattern("yyyy-MM-dd HH:mm[:ss]"),
            pattern("yyyy/MM/dd HH:mm[:ss]"),
            pattern("EEE, d MMM yyyy HH:mm[:ss]"),
            pattern("d MMM yyyy HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DATES = List.of(
            pattern("yyyy-MM-dd"), pattern("yyyy/MM/dd"), pattern("d MMM yyyy"), pattern("MMMM d, yyyy"));

    private FeedDates() {
    }

    /** The instant the text names, or null when no mask reads it (or it is an obvious placeholder). */
    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        Instant parsed = rome(text);
        if (parsed == null) {
            parsed = masks(text);
        }
        return plausible(parsed) ? parsed : null;
    }

    /** False for null and for placeholder dates before 1990. */
    static boolean plausible(Instant date) {
        return date != null && !date.isBefore(EARLIEST);
    }

    private static Instant rome(String text) {
        try {
            Date date = DateParser.parseDate(text, SPANISH);
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null; // ROME's SimpleDateFormat masks throw on some inputs; a date is optional
        }
    }

    private static Instant masks(String text) {
        Instant found = firstMatch(ZONED, text, Instant::from);
        if (found == null) {
            found = firstMatch(LOCAL, text, t -> LocalDateTime.from(t).toInstant(ZoneOffset.UTC));
        }
        if (found == null) {
            found = firstMatch(DATES, text, t -> LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return found;
    }

    private static Instant firstMatch(List<DateTimeFormatter> formatters, String text,
            Function<TemporalAccessor, Instant> toInstant) {
        for (DateTimeFormatter f : formatters) {
            try {
                return toInstant.apply(f.parse(text));
            } catch (DateTimeException | ArithmeticException e) {
                // not this mask; try the next
            }
        }
        return null;
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
