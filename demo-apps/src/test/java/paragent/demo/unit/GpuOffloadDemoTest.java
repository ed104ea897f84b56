package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.e2e.OpenCl;
import paragent.demo.gpuoffload.GpuOffloadDemo;

/** Runs on the machine's OpenCL device (PoCL on CI); skipped without one, unless CI=true. */
class GpuOffloadDemoTest {

    /** 4 blocks at this scale. */
    private static final double SCALE = 0.5;
    private static final long BLOCKS = 4;
    private static final int ELEMENTS = 1000;
    private static final int STEPS = 7;

    private static DemoResult run(Variant variant, int threads) throws InterruptedException {
        OpenCl.requireOrSkip();
        DemoConfig config = DemoConfig.of(threads, variant, SCALE)
                .withOption("elements", Integer.toString(ELEMENTS)).withOption("steps", Integer.toString(STEPS));
        return new GpuOffloadDemo().run(config);
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 1", "BOTTLENECK, 3", "FIXED, 1", "FIXED, 3", "FIXED, 5"})
    void everyVariantAndThreadCountComputesWhatPlainJavaComputes(Variant variant, int threads)
            throws InterruptedException {
        DemoResult result = run(variant, threads);

        assertThat(result.result()).isEqualTo(plainJavaChecksum());
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void bottleneckCopiesEveryBlockBothWaysEveryStep(int threads) throws InterruptedException {
        DemoResult result = run(Variant.BOTTLENECK, threads);

        long blockBytes = ELEMENTS * Float.BYTES;
        assertThat(result.metrics())
                .containsEntry("bytesToDevice", Long.toString(STEPS * BLOCKS * 2 * blockBytes))
                .containsEntry("bytesFromDevice", Long.toString(STEPS * BLOCKS * blockBytes))
                .containsEntry("kernelLaunches", Long.toString(STEPS * BLOCKS))
                .containsKeys("transferMillis", "kernelMillis");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 3", "5, 4"})
    void fixedCopiesOnceAndLaunchesOncePerStepPerBusyThread(int threads, int busyThreads)
            throws InterruptedException {
        DemoResult result = run(Variant.FIXED, threads);

        long blockBytes = ELEMENTS * Float.BYTES;
        assertThat(result.metrics())
                .containsEntry("bytesToDevice", Long.toString(BLOCKS * 2 * blockBytes))
                .containsEntry("bytesFromDevice", Long.toString(BLOCKS * blockBytes))
                .containsEntry("kernelLaunches", Long.toString((long) STEPS * busyThreads));
    }

    @Test
    void workersAreNamedGpuOffloadWorker() throws Exception {
        OpenCl.requireOrSkip();
        assertThat(StartedThreads.namesDuring("gpu-offload-", () -> run(Variant.FIXED, 2)))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("gpu-offload", 2));
    }

    @Test
    void expectsGpuTransferOnTheSmallKernel() {
        assertThat(new GpuOffloadDemo().expectedFinding(DemoConfig.of(4, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("GPU_TRANSFER", "saxpy_step", "paragent.demo.gpuoffload.");
    }

    /** {@code y ← 0.25·x + y}, STEPS times, from the demo's initial values, and the sum of y's bits. */
    private static String plainJavaChecksum() {
        long sum = 0;
        for (long g = 0; g < BLOCKS * ELEMENTS; g++) {
            float x = (g % 4096) / 4096f;
            float y = (g % 1000) / 1000f;
            for (int step = 0; step < STEPS; step++) {
                y = 0.25f * x + y;
            }
            sum += Float.floatToRawIntBits(y);
        }
        return Long.toHexString(sum);
    }
}
