package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a processor reads from a {@link CoalescingStore} is what it last wrote, at once; what reaches the store
 * beneath and its changelog is one record per key and commit, the latest value (a tombstone for a delete). The test
 * driver commits after each input record, so several writes made while processing one record are one commit's.
 */
class CoalescingStoreTest {
    private static final String STORE = "counts";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> changelog;
    /** What the processor saw during its last record, for the assertions. */
    private final List<String> seen = new ArrayList<>();
    /** A read from another thread while a record was being processed, as an interactive query would make it. */
    private final AtomicReference<String> fromOtherThread = new AtomicReference<>();

    /** "k=v;k=v;-k": writes and deletes, then reads every key it wrote and iterates over the store. */
    private final class Script implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            seen.clear();
            for (String step : record.value().split(";")) {
                if (step.startsWith("-")) {
                    seen.add("deleted " + step.substring(1) + "=" + store.delete(step.substring(1)));
                } else {
                    String[] kv = step.split("=");
                    store.put(kv[0], kv[1]);
                    seen.add(kv[0] + "=" + store.get(kv[0]));
                }
            }
            Thread reader = new Thread(() -> fromOtherThread.set(store.get("a")));
            reader.start();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (KeyValueIterator<String, String> it = store.all()) {
                it.forEachRemaining(kv -> seen.add("all " + kv.key + "=" + kv.value));
            }
        }
    }

    @BeforeEach
    void setUp() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CoalescingStore.of(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).process(Script::new, STORE);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "coalescing");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        input = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
        changelog = driver.createOutputTopic("coalescing-" + STORE + "-changelog", Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldReadTheLatestWriteAtOnceAndLogOnlyTheLastValueOfEachKeyPerCommit() {
        input.pipeInput("x", "a=1;b=1;a=2;a=3;b=2");

        assertThat(seen).containsExactly("a=1", "b=1", "a=2", "a=3", "b=2", "all a=3", "all b=2");
        assertThat(fromOtherThread.get()).as("another thread's read").isEqualTo("3");
        assertThat(changelog.readKeyValuesToList()).containsExactlyInAnyOrder(KeyValue.pair("a", "3"),
                KeyValue.pair("b", "2"));
        KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
        assertThat(store.get("a")).isEqualTo("3");
    }

    @Test
    void shouldDeleteAndWriteAgainWithinACommit() {
        input.pipeInput("x", "a=1;b=1");
        changelog.readKeyValuesToList();

        input.pipeInput("x", "-a;c=5;-c;b=7");
        assertThat(seen).containsExactly("deleted a=1", "c=5", "deleted c=5", "b=7", "all b=7");
        assertThat(fromOtherThread.get()).isNull();
        assertThat(changelog.readKeyValuesToList()).containsExactlyInAnyOrder(KeyValue.pair("a", null),
                KeyValue.pair("c", null), KeyValue.pair("b", "7"));

        input.pipeInput("x", "-b;b=8");
        assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("b", "8"));
    }
}
