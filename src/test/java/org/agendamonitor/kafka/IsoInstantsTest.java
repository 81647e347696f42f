package org.agendamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast instant codec writes and reads exactly what the JDK and Jackson's Java time module do. */
class IsoInstantsTest {
    /** The mapper as it was before the codec: Jackson's Java time module alone. */
    private static final ObjectMapper JAVA_TIME_ONLY = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Stamped(Instant at) {
    }

    @Test
    void shouldWriteAndReadEveryInstantOfFourDigitYearsAsTheJdkDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(20261202);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
            String iso = instant.toString();
            assertThat(IsoInstants.format(instant)).isEqualTo(iso);
            assertThat(IsoInstants.parseCommonForm(iso)).as(iso).isEqualTo(instant);
            String json = Json.MAPPER.writeValueAsString(new Stamped(instant));
            assertThat(json).isEqualTo(JAVA_TIME_ONLY.writeValueAsString(new Stamped(instant)));
            assertThat(Json.MAPPER.readValue(json, Stamped.class).at()).isEqualTo(instant);
        }
    }

    @Test
    void shouldReadEveryFractionLengthLikeInstantParse() {
        for (String text : new String[] {"2026-12-02T03:04:05.1Z", "2026-12-02T03:04:05.12Z",
                "2026-12-02T03:04:05.1234Z", "2026-12-02T03:04:05.12345678Z", "2026-12-02T03:04:05.000000001Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z"}) {
            assertThat(IsoInstants.parseCommonForm(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shouldWriteYearsBeyondFourDigitsAsTheJdkDoes() {
        for (Instant instant : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59.5Z")}) {
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    /** Other forms and bad values go to Jackson's own deserializer: same instant, or the same failure. */
    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-02T04:04:05+01:00\"", "\"+10000-01-01T00:00:00Z\"", "\"2016-12-31T23:59:60Z\"",
            "1764644645.5", "1764644645", "\"2026-12-02t03:04:05z\"", "\"2026-02-30T00:00:00Z\"",
            "\"2026-12-02T24:00:00Z\"", "\"2026-12-02T03:04:05.Z\"", "\"2026-12-02T03:04:05.1234567890Z\"",
            "\"2026-12-02 03:04:05Z\"", "\"2026-13-02T03:04:05Z\"", "\"yesterday\"", "\"\""})
    void shouldLeaveOtherFormsToJacksonsParser(String value) throws Exception {
        String json = "{\"at\":" + value + "}";
        Instant expected;
        try {
            expected = JAVA_TIME_ONLY.readValue(json, Stamped.class).at();
        } catch (JsonProcessingException e) {
            assertThatThrownBy(() -> Json.MAPPER.readValue(json, Stamped.class)).isInstanceOf(e.getClass())
                    .hasMessageContaining(value.replace("\"", ""));
            return;
        }
        assertThat(Json.MAPPER.readValue(json, Stamped.class).at()).isEqualTo(expected);
    }
}
