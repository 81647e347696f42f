package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sweep visits a bounded slice per call, resumes where it stopped, and comes round to the start again. */
class StoreSweepTest {
    private KeyValueStore<String, Long> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sweep-test"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        for (int i = 0; i < 25; i++) {
            store.put(String.format("k%02d", i), (long) i);
        }
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void shouldVisitAtMostTheBudgetAndResumeAfterTheLastKeyVisited() {
        StoreSweep<String, Long> sweep = new StoreSweep<>(store, 10);
        List<String> visited = new ArrayList<>();

        for (int round = 0; round < 3; round++) {
            int before = visited.size();
            sweep.sweep((key, value) -> visited.add(key) && false);
            assertThat(visited.size() - before).as("slice %d", round).isLessThanOrEqualTo(10);
        }

        assertThat(visited).as("three slices of 10 cover 25 keys once, in order").isEqualTo(keys());
    }

    @Test
    void shouldDeleteWhatTheTestAcceptsAndReturnIt() {
        StoreSweep<String, Long> sweep = new StoreSweep<>(store, 10);

        List<KeyValue<String, Long>> first = sweep.sweep((key, value) -> value % 2 == 0);

        assertThat(first).extracting(kv -> kv.key).containsExactly("k00", "k02", "k04", "k06", "k08");
        assertThat(first).extracting(kv -> kv.value).containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(store.get("k02")).isNull();
        assertThat(store.get("k10")).as("beyond the first slice, not yet visited").isEqualTo(10L);
        assertThat(keys()).hasSize(20);
    }

    @Test
    void shouldComeRoundToTheStartAfterTheEndAndSurviveItsResumeKeyBeingDeleted() {
        StoreSweep<String, Long> sweep = new StoreSweep<>(store, 10);
        sweep.sweep((key, value) -> false); // k00..k09
        store.delete("k09"); // the key the next slice resumes after
        List<String> second = new ArrayList<>();
        sweep.sweep((key, value) -> second.add(key) && false);
        assertThat(second).first().isEqualTo("k10");

        sweep.sweep((key, value) -> false); // k20..k24, the end
        store.put("a-new-first-key", 1L);
        List<String> wrapped = new ArrayList<>();
        sweep.sweep((key, value) -> wrapped.add(key) && false);

        assertThat(wrapped).first().as("the next round starts at the beginning").isEqualTo("a-new-first-key");
    }

    @Test
    void shouldRefuseAnEmptyBudget() {
        assertThatThrownBy(() -> new StoreSweep<>(store, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
