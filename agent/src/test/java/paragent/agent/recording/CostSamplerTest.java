package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostSamplerTest {

    private final CostSampler sampler = new CostSampler();

    @Test
    void timesTheWarmUpThenOneInThePeriod() {
        List<Integer> timed = new ArrayList<>();
        for (int i = 0; i < 4 * CostSampler.PERIOD; i++) {
            if (sampler.next() != CostSampler.UNTIMED) {
                timed.add(i);
                sampler.measured(100);
            }
        }

        assertThat(timed).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 16, 32, 48);
    }

    @Test
    void timesEveryEventWhileTheTimedOnesAreSlow() {
        drainWarmUp();
        int timed = 0;
        for (int i = 0; i < 3 * CostSampler.PERIOD; i++) {
            if (sampler.next() != CostSampler.UNTIMED) {
                timed++;
                sampler.measured(CostSampler.SLOW_NANOS);
            }
        }

        // Untimed only up to the first periodic sample after the warm-up; every one from there on.
        assertThat(timed).isEqualTo(3 * CostSampler.PERIOD - (CostSampler.PERIOD - CostSampler.WARM_UP));
    }

    @Test
    void goesBackToSamplingOnceATimedEventIsFastAgain() {
        drainWarmUp();
        while (sampler.next() != CostSampler.SAMPLED) {
            // Up to the next periodic sample.
        }
        sampler.measured(CostSampler.SLOW_NANOS);
        assertThat(sampler.next()).isEqualTo(CostSampler.FOLLOW_UP);
        sampler.measured(1);

        assertThat(sampler.next()).isEqualTo(CostSampler.UNTIMED);
    }

    @Test
    void alwaysTimesEveryEvent() {
        for (int i = 0; i < 100; i++) {
            assertThat(CostSampler.ALWAYS.next()).isEqualTo(CostSampler.SAMPLED);
            CostSampler.ALWAYS.measured(1);
        }
    }

    private void drainWarmUp() {
        for (int i = 0; i < CostSampler.WARM_UP; i++) {
            assertThat(sampler.next()).isEqualTo(CostSampler.SAMPLED);
            sampler.measured(1);
        }
    }
}
