package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which keys of a newest-first store fall beyond the cap, as keys arrive in any order. */
class NewestKeysTest {
    private static String key(int minute) {
        return RecentKey.of(Instant.parse("2026-11-28T10:00:00Z").plusSeconds(60L * minute), "a" + minute);
    }

    @Test
    void shouldDropNothingUpToTheCapThenTheOldestKey() {
        NewestKeys keys = new NewestKeys(3);
        assertThat(keys.add(key(5))).isEmpty();
        assertThat(keys.add(key(1))).isEmpty();
        assertThat(keys.add(key(9))).isEmpty();

        assertThat(keys.add(key(7))).containsExactly(key(1));
        assertThat(keys.add(key(2))).as("older than all kept: dropped at once").containsExactly(key(2));
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void shouldIgnoreAKeyAddedAgain() {
        NewestKeys keys = new NewestKeys(2);
        keys.add(key(1));
        keys.add(key(2));

        assertThat(keys.add(key(2))).isEmpty();
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void shouldBringAStoreLargerThanTheCapDownToItsNewestKeys() {
        // what MatchIndexer.init does with a store an older version left above the cap: its keys come in store order
        List<String> storeOrder = new ArrayList<>();
        for (int minute = 6; minute >= 1; minute--) {
            storeOrder.add(key(minute));
        }
        NewestKeys keys = new NewestKeys(4);
        List<String> dropped = new ArrayList<>();
        storeOrder.forEach(k -> dropped.addAll(keys.add(k)));

        assertThat(dropped).containsExactly(key(2), key(1));
    }

    @Test
    void shouldRefuseACapBelowOne() {
        assertThatThrownBy(() -> new NewestKeys(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
