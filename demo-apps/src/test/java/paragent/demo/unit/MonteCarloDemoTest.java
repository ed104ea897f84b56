package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.montecarlo.MonteCarloDemo;

class MonteCarloDemoTest {

    private static final double SCALE = 0.02;

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 1", "BOTTLENECK, 4", "FIXED, 1", "FIXED, 4"})
    void estimatesPi(Variant variant, int threads) throws InterruptedException {
        DemoResult result = new MonteCarloDemo().run(DemoConfig.of(threads, variant, SCALE));

        // 600,000 samples: standard error of the estimate is about 0.002.
        assertThat(Double.parseDouble(result.result())).isCloseTo(Math.PI, within(0.02));
        assertThat(result.metrics()).containsEntry("samples", "600000");
    }

    @Test
    void sameSeedGivesTheSameEstimateForAnyThreadCountAndVariant() throws InterruptedException {
        MonteCarloDemo demo = new MonteCarloDemo();
        String fixedOnOne = demo.run(DemoConfig.of(1, Variant.FIXED, SCALE)).result();

        assertThat(demo.run(DemoConfig.of(3, Variant.FIXED, SCALE)).result()).isEqualTo(fixedOnOne);
        assertThat(demo.run(DemoConfig.of(4, Variant.BOTTLENECK, SCALE)).result()).isEqualTo(fixedOnOne);
    }

    @Test
    void anotherSeedGivesAnotherEstimate() throws InterruptedException {
        MonteCarloDemo demo = new MonteCarloDemo();
        DemoConfig config = DemoConfig.of(2, Variant.FIXED, SCALE);

        assertThat(demo.run(config.withOption("seed", "7")).result())
                .isNotEqualTo(demo.run(config.withOption("seed", "8")).result());
    }
}
