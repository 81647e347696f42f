package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedFarmTest {
    @Test
    void shouldGiveEveryHostTheSameShareOfSlowFeeds() {
        int feeds = 2_000;
        for (int hosts : new int[] {1, 4, 20, 7}) {
            int[] slowPerHost = new int[hosts];
            int slow = 0;
            for (int i = 0; i < feeds; i++) {
                if (FeedFarm.kind(i, hosts) == 0) {
                    slowPerHost[i % hosts]++;
                    slow++;
                }
            }
            assertThat(slow).as("slow feeds with %d hosts", hosts).isBetween(95, 105);
            for (int count : slowPerHost) {
                assertThat(count).as("slow feeds on one of %d hosts", hosts)
                        .isBetween(slow / hosts - 1, slow / hosts + 1);
            }
        }
    }
}
