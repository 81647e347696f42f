package org.agendamonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agendamonitor.config.ConfigLoader;
import org.agendamonitor.model.Recommendation;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The repartition topic is keyed by recommendation id and partitioned by Kafka's default hash. With the default
 * partition count each recommendation gets a partition of its own, hence its own task and story index: what the
 * default was chosen for (with 2, usmca and demand_guns_cash shared one).
 */
class RecommendationPartitionsTest {

    @Test
    void shouldGiveEachRecommendationAPartitionOfItsOwnWithTheDefaultCount() {
        int partitions = new ConfigLoader(Map.of()).load(Path.of("config"), false, Map.of()).kafka().partitions();
        Set<Integer> used = Arrays.stream(Recommendation.values())
                .map(r -> Utils.toPositive(Utils.murmur2(r.id().getBytes(StandardCharsets.UTF_8))) % partitions)
                .collect(Collectors.toSet());
        assertThat(partitions).isEqualTo(3);
        assertThat(used).hasSize(Recommendation.values().length);
    }
}
