package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.pool.PoolDemo;

class PoolDemoTest {

    private static final double SCALE = 0.005;
    private static final long INPUTS = Math.round(PoolDemo.DEFAULT_INPUTS * SCALE);

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 1", "BOTTLENECK, 3", "FIXED, 1", "FIXED, 3", "FIXED, 4"})
    void everyVariantAndThreadCountMapsToTheSameSum(Variant variant, int threads) throws InterruptedException {
        DemoConfig config = DemoConfig.of(threads, variant, SCALE).withOption("steps", "20");

        DemoResult result = new PoolDemo().run(config);

        assertThat(result.result()).isEqualTo(expectedSum(INPUTS, 20));
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 2, 4000", "BOTTLENECK, 4, 4000", "FIXED, 2, 8", "FIXED, 4, 16"})
    void bottleneckSubmitsOneTaskPerInputAndFixedAFewChunksPerWorker(Variant variant, int threads, int tasks)
            throws InterruptedException {
        DemoResult result = new PoolDemo().run(DemoConfig.of(threads, variant, SCALE));

        assertThat(result.metrics()).containsEntry("tasks", Integer.toString(tasks));
    }

    @Test
    void workersAreNamedPoolWorker() throws Exception {
        assertThat(StartedThreads.namesDuring("pool-",
                () -> new PoolDemo().run(DemoConfig.of(3, Variant.BOTTLENECK, SCALE))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("pool", 3));
    }

    @Test
    void expectsTaskOverheadAtTheSubmitSite() {
        assertThat(new PoolDemo().expectedFinding(DemoConfig.of(4, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("TASK_OVERHEAD", "pool-worker", "paragent.demo.pool.");
    }

    /** The sum of SplitMix64 chains over the inputs, computed independently of the demo. */
    private static String expectedSum(long inputs, int steps) {
        long sum = 0;
        for (long x = 0; x < inputs; x++) {
            long z = x;
            for (int i = 0; i < steps; i++) {
                z += 0x9E3779B97F4A7C15L;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
            }
            sum += z;
        }
        return Long.toHexString(sum);
    }
}
