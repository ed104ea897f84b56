package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.gcchurn.GcChurnDemo;

class GcChurnDemoTest {

    private static final double SCALE = 0.01;

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 3", "BOTTLENECK, 4", "FIXED, 1", "FIXED, 3"})
    void objectsAndPrimitiveArraysSimulateBitIdenticalStates(Variant variant, int threads) throws InterruptedException {
        GcChurnDemo demo = new GcChurnDemo();
        String reference = demo.run(DemoConfig.of(1, Variant.BOTTLENECK, SCALE)).result();

        assertThat(demo.run(DemoConfig.of(threads, variant, SCALE)).result()).isEqualTo(reference);
    }

    @Test
    void reportsParticlesAndSteps() throws InterruptedException {
        DemoResult result = new GcChurnDemo().run(DemoConfig.of(2, Variant.FIXED, SCALE));

        long particles = Math.round(GcChurnDemo.DEFAULT_PARTICLES * SCALE);
        assertThat(result.metrics()).containsEntry("particles", Long.toString(particles))
                .containsEntry("steps", Long.toString(particles * GcChurnDemo.SWEEPS));
    }

    @Test
    void workersAreNamedGcChurnWorker() throws Exception {
        assertThat(StartedThreads.namesDuring("gc-churn-",
                () -> new GcChurnDemo().run(DemoConfig.of(3, Variant.BOTTLENECK, SCALE))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("gc-churn", 3));
    }

    @Test
    void expectsGcOnParticleAllocations() {
        assertThat(new GcChurnDemo().expectedFinding(DemoConfig.of(4, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("GC", "Particle", "paragent.demo.gcchurn.");
    }
}
