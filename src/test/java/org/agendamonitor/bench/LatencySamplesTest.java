package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {
    @Test
    void shouldUseTheNearestRankWhenComputingPercentiles() {
        LatencySamples samples = new LatencySamples();
        for (long v = 100; v >= 1; v--) {
            samples.add(v); // 1..100 in reverse order: sorting is the samples' job
        }
        assertThat(samples.percentile(50)).isEqualTo(50);
        assertThat(samples.percentile(99)).isEqualTo(99);
        assertThat(samples.percentile(99.5)).isEqualTo(100);
        assertThat(samples.percentile(100)).isEqualTo(100);
        assertThat(samples.percentile(0.1)).isEqualTo(1);
        assertThat(samples.count()).isEqualTo(100);
    }

    @Test
    void shouldReturnTheOnlySampleForEveryPercentileWhenThereIsOne() {
        LatencySamples samples = new LatencySamples();
        samples.add(42);
        assertThat(samples.percentile(1)).isEqualTo(42);
        assertThat(samples.percentile(99)).isEqualTo(42);
        assertThat(samples.summary()).isEqualTo("p50 42 ms, p99 42 ms, max 42 ms (n=1)");
    }

    @Test
    void shouldGrowPastTheInitialCapacityWhenManySamplesArrive() {
        LatencySamples samples = new LatencySamples();
        for (int i = 1; i <= 10_000; i++) {
            samples.add(i % 10 == 0 ? 1_000 : 10);
        }
        assertThat(samples.percentile(90)).isEqualTo(10);
        assertThat(samples.percentile(91)).isEqualTo(1_000);
    }

    @Test
    void shouldRefuseNegativeSamplesAndEmptyPercentilesWhenMisused() {
        LatencySamples samples = new LatencySamples();
        assertThat(samples.summary()).isEqualTo("no samples");
        assertThatThrownBy(() -> samples.percentile(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> samples.add(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> samples.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellWhenTheSlowestSampleWasSent() {
        LatencySamples samples = new LatencySamples();
        assertThat(samples.slowestAt()).isEmpty();
        samples.add(10_000, 90);
        samples.add(22_500, 1_200); // the stall
        samples.add(5_000, 80); // out of order: the first send is the earliest, not the first added
        samples.add(30_000, 100);
        assertThat(samples.slowestAt()).isEqualTo("slowest sent at +17 s");
        assertThat(samples.summary()).isEqualTo("p50 90 ms, p99 1200 ms, max 1200 ms (n=4), slowest sent at +17 s");
        assertThat(samples.percentile(100)).isEqualTo(1_200);
        assertThat(samples.count()).isEqualTo(4);
    }
}
