package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianAndPercentilesInterpolateBetweenRanksInAnyInputOrder() {
        Stats stats = Stats.of(5, 1, 4, 2, 3);
        assertThat(stats.medianSeconds()).isEqualTo(3);
        assertThat(stats.minSeconds()).isEqualTo(1);
        assertThat(stats.maxSeconds()).isEqualTo(5);
        assertThat(stats.p10Seconds()).isCloseTo(1.4, within(1e-12));
        assertThat(stats.p90Seconds()).isCloseTo(4.6, within(1e-12));
        assertThat(Stats.of(4, 1, 3, 2).medianSeconds()).isEqualTo(2.5);
    }

    @Test
    void medianLiesBetweenTheExtremesAndOneSampleIsEverything() {
        Stats stats = Stats.of(0.3, 0.1, 0.9, 0.2);
        assertThat(stats.medianSeconds()).isBetween(stats.minSeconds(), stats.maxSeconds());
        assertThat(stats.p10Seconds()).isCloseTo(0.13, within(1e-12));
        assertThat(Stats.of(7)).isEqualTo(new Stats(7, 7, 7, 7, 7));
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(Stats::of).isInstanceOf(IllegalArgumentException.class);
    }
}
