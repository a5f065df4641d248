package io.shoudan.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StallEpisodesTest {

    private static final long MS = 1_000_000;

    /** 1,000 sales a second: sale i is due at i ms. */
    private static long[] quietRun(int sales) {
        long[] latency = new long[sales];
        java.util.Arrays.fill(latency, 2 * MS);
        return latency;
    }

    @Test
    void slowSalesDueCloseTogetherAreOneEpisodeAndFarApartAreTwo() {
        long[] latency = quietRun(1_000);
        latency[100] = 15 * MS;
        latency[105] = 30 * MS;  // 5 ms after the last slow one: the same episode
        latency[119] = 12 * MS;  // 14 ms after it: still the same
        latency[140] = 11 * MS;  // 21 ms after it: a new one

        StallEpisodes stalls = StallEpisodes.of(latency, 1_000, 10 * MS, 0.020);

        assertThat(stalls.episodes()).containsExactly(
                new StallEpisodes.Episode(0.100, 3, 30 * MS),
                new StallEpisodes.Episode(0.140, 1, 11 * MS));
        assertThat(stalls.slowSales()).isEqualTo(4);
    }

    @Test
    void aSaleExactlyAtTheThresholdIsNotSlow() {
        long[] latency = quietRun(10);
        latency[3] = 10 * MS;
        latency[4] = 10 * MS + 1;

        assertThat(StallEpisodes.of(latency, 1_000, 10 * MS, 0.020).episodes())
                .containsExactly(new StallEpisodes.Episode(0.004, 1, 10 * MS + 1));
    }

    @Test
    void aStallEveryQuarterSecondShowsAsAQuarterSecondMedianSpacing() {
        long[] latency = quietRun(3_000);
        for (int at = 250; at < 3_000; at += 250) {
            latency[at] = 20 * MS;
            latency[at + 1] = 18 * MS;
        }
        latency[1_337] = 40 * MS;  // one stray slow sale among them

        StallEpisodes stalls = StallEpisodes.of(latency, 1_000, 10 * MS, 0.020);

        assertThat(stalls.episodes()).hasSize(12);
        assertThat(stalls.medianSpacingSeconds()).isCloseTo(0.250, within(1e-9));
        assertThat(stalls.summary()).isEqualTo("stalls (sales over 10 ms, due under 20 ms apart): 12 episodes,"
                + " 23 sales, median 0.250 s between starts, worst 40.0 ms");
    }

    @Test
    void aRunWithoutSlowSalesHasNoEpisodesAndNoSpacing() {
        StallEpisodes stalls = StallEpisodes.of(quietRun(500), 1_000, 10 * MS, 0.020);

        assertThat(stalls.episodes()).isEmpty();
        assertThat(stalls.medianSpacingSeconds()).isNaN();
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> StallEpisodes.of(quietRun(1), 0, 10 * MS, 0.020))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate 0.0");
    }
}
