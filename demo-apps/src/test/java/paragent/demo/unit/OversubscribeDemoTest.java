package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.oversubscribe.OversubscribeDemo;

class OversubscribeDemoTest {

    private static final double SCALE = 0.01;

    private static DemoConfig config(int threads, Variant variant) {
        return DemoConfig.of(threads, variant, SCALE).withOption("table-kb", "64");
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 3", "BOTTLENECK, 8", "BOTTLENECK, 20", "FIXED, 1", "FIXED, 8"})
    void everyVariantAndThreadCountWalksToTheSameChecksum(Variant variant, int threads) throws InterruptedException {
        OversubscribeDemo demo = new OversubscribeDemo();
        String reference = demo.run(config(1, Variant.BOTTLENECK)).result();

        assertThat(demo.run(config(threads, variant)).result()).isEqualTo(reference);
    }

    @Test
    void tableSizeChangesTheChecksum() throws InterruptedException {
        OversubscribeDemo demo = new OversubscribeDemo();

        assertThat(demo.run(config(2, Variant.FIXED).withOption("table-kb", "32")).result())
                .isNotEqualTo(demo.run(config(2, Variant.FIXED)).result());
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK", "FIXED"})
    void reportsTheWorkersRunQueueWaitOrMinusOneWhenUnreadable(Variant variant) throws InterruptedException {
        DemoResult result = new OversubscribeDemo().run(config(4, variant));

        long runQueueMillis = Long.parseLong(result.metrics().get("runQueueMillis"));
        if (Files.isReadable(Path.of("/proc/thread-self/schedstat"))) {
            assertThat(runQueueMillis).isNotNegative();
        } else {
            assertThat(runQueueMillis).isEqualTo(-1L);
        }
    }

    @Test
    void bottleneckStartsOneWorkerPerThread() throws Exception {
        assertThat(StartedThreads.namesDuring("oversubscribe-",
                () -> new OversubscribeDemo().run(config(8, Variant.BOTTLENECK))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("oversubscribe", 8));
    }

    @Test
    void fixedStartsNoMoreWorkersThanCores() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(StartedThreads.namesDuring("oversubscribe-",
                () -> new OversubscribeDemo().run(config(cores + 4, Variant.FIXED))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("oversubscribe", cores));
    }

    @Test
    void expectsOversubscriptionOfTheWorkers() {
        assertThat(new OversubscribeDemo().expectedFinding(DemoConfig.of(8, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("OVERSUBSCRIPTION", "oversubscribe-worker", "paragent.demo.oversubscribe.");
    }
}
