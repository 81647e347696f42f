package org.agendamonitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.agendamonitor.kafka.FeedOwnership;
import org.junit.jupiter.api.Test;

class FeedOwnershipTest {
    @Test
    void shouldMapAFeedToTheSamePartitionEveryTime() {
        assertThat(FeedOwnership.partitionOf("reuters-world")).isEqualTo(FeedOwnership.partitionOf("reuters-world"));
    }

    @Test
    void shouldSpreadFeedsOverEveryOwnershipPartition() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int p = FeedOwnership.partitionOf("feed-" + i);
            assertThat(p).isBetween(0, FeedOwnership.PARTITIONS - 1);
            used.add(p);
        }
        assertThat(used).hasSize(FeedOwnership.PARTITIONS);
    }
}
