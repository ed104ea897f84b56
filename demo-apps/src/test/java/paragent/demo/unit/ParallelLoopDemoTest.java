package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.Variant;
import paragent.demo.parallelloop.ParallelLoopDemo;

class ParallelLoopDemoTest {

    private static final double SCALE = 0.01;

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 2", "BOTTLENECK, 3", "FIXED, 1", "FIXED, 2", "FIXED, 3"})
    void staticAndDynamicSchedulesSumTheSameValues(Variant variant, int threads) throws InterruptedException {
        ParallelLoopDemo demo = new ParallelLoopDemo();
        String reference = demo.run(DemoConfig.of(1, Variant.BOTTLENECK, SCALE)).result();

        assertThat(demo.run(DemoConfig.of(threads, variant, SCALE)).result()).isEqualTo(reference);
    }

    @Test
    void maxStepsChangesTheValues() throws InterruptedException {
        ParallelLoopDemo demo = new ParallelLoopDemo();
        DemoConfig config = DemoConfig.of(2, Variant.FIXED, SCALE);

        assertThat(demo.run(config.withOption("max-steps", "0")).result())
                .isNotEqualTo(demo.run(config).result());
    }

    @Test
    void reportsTheElementsLooped() throws InterruptedException {
        assertThat(new ParallelLoopDemo().run(DemoConfig.of(2, Variant.FIXED, SCALE)).metrics())
                .containsEntry("elements", Long.toString(Math.round(ParallelLoopDemo.DEFAULT_ELEMENTS * SCALE)));
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK", "FIXED"})
    void workersAreNamedParallelLoopWorker(Variant variant) throws Exception {
        assertThat(StartedThreads.namesDuring("parallel-loop-",
                () -> new ParallelLoopDemo().run(DemoConfig.of(3, variant, SCALE))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("parallel-loop", 3));
    }

    @Test
    void expectsLoadImbalanceAtThePartitioningSite() {
        assertThat(new ParallelLoopDemo().expectedFinding(DemoConfig.of(4, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("LOAD_IMBALANCE", "parallel-loop-worker", "paragent.demo.parallelloop.");
    }
}
