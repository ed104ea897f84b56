package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostSamplerTest {

    private final CostSampler sampler = new CostSampler();

    @Test
    void samplesTheWarmUpThenOneInThePeriod() {
        List<Integer> sampled = new ArrayList<>();
        for (int i = 0; i < 4 * CostSampler.PERIOD; i++) {
            if (sampler.next()) {
                sampled.add(i);
            }
        }

        assertThat(sampled).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 16, 32, 48);
    }

    @Test
    void alwaysSamplesEveryEvent() {
        for (int i = 0; i < 100; i++) {
            assertThat(CostSampler.ALWAYS.next()).isTrue();
        }
    }
}
