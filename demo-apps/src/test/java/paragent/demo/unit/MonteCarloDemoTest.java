package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
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

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 1", "BOTTLENECK, 3", "FIXED, 2"})
    void sharedRandomEstimatesPiFromItsOwnNumberOfSamples(Variant variant, int threads) throws InterruptedException {
        DemoResult result = new MonteCarloDemo().run(DemoConfig.of(threads, variant, SCALE).withOption("shared", "random"));

        // 1,800,000 samples: standard error of the estimate is about 0.0012.
        assertThat(Double.parseDouble(result.result())).isCloseTo(Math.PI, within(0.01));
        assertThat(result.metrics()).containsEntry("samples",
                Long.toString(Math.round(MonteCarloDemo.DEFAULT_SHARED_RANDOM_SAMPLES * SCALE)));
    }

    @Test
    void sharedRandomOnOneThreadDrawsTheSeedsSequence() throws InterruptedException {
        DemoConfig config = DemoConfig.of(1, Variant.BOTTLENECK, SCALE).withOption("shared", "random");
        long samples = Math.round(MonteCarloDemo.DEFAULT_SHARED_RANDOM_SAMPLES * SCALE);
        Random random = new Random(MonteCarloDemo.DEFAULT_SEED);
        long hits = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            hits += x * x + y * y <= 1.0 ? 1 : 0;
        }

        assertThat(new MonteCarloDemo().run(config).metrics()).containsEntry("hits", Long.toString(hits));
    }

    @Test
    void fixedVariantIgnoresTheSharedGeneratorButNotItsSampleCount() throws InterruptedException {
        MonteCarloDemo demo = new MonteCarloDemo();
        DemoConfig fixed = DemoConfig.of(2, Variant.FIXED, SCALE * MonteCarloDemo.DEFAULT_SAMPLES
                / MonteCarloDemo.DEFAULT_SHARED_RANDOM_SAMPLES);

        assertThat(demo.run(fixed.withOption("shared", "random")).result())
                .isEqualTo(demo.run(DemoConfig.of(2, Variant.FIXED, SCALE)).result());
    }

    @ParameterizedTest
    @CsvSource({
        "counter, LOCK_CONTENTION, paragent.demo.montecarlo.HitCounter",
        "random, CPU_TIME_INFLATION, java.util.Random"})
    void expectationsFollowTheSharedOption(String shared, String kind, String subject) {
        DemoConfig config = DemoConfig.of(2, Variant.BOTTLENECK, 1.0).withOption("shared", shared);
        MonteCarloDemo demo = new MonteCarloDemo();

        assertThat(demo.expectedFinding(config)).extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly(kind, subject, "paragent.demo.montecarlo.");
        assertThat(demo.expectedScaling(config)).isEqualTo(demo.expectedFinding(config));
    }

    @Test
    void sharedCounterIsTheDefault() {
        DemoConfig defaults = DemoConfig.of(2, Variant.BOTTLENECK, 1.0);
        MonteCarloDemo demo = new MonteCarloDemo();

        assertThat(demo.expectedScaling(defaults)).isEqualTo(demo.expectedFinding(defaults.withOption("shared", "counter")));
    }

    @Test
    void anotherSeedGivesAnotherEstimate() throws InterruptedException {
        MonteCarloDemo demo = new MonteCarloDemo();
        DemoConfig config = DemoConfig.of(2, Variant.FIXED, SCALE);

        assertThat(demo.run(config.withOption("seed", "7")).result())
                .isNotEqualTo(demo.run(config.withOption("seed", "8")).result());
    }
}
