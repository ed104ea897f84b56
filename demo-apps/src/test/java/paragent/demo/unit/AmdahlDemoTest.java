package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.amdahl.AmdahlDemo;

class AmdahlDemoTest {

    /** Two rounds: enough to check that each round's hash seeds the next. */
    private static final double SCALE = 2.0 / AmdahlDemo.DEFAULT_ROUNDS;

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 3", "FIXED, 1", "FIXED, 3", "FIXED, 4"})
    void parallelSegmentHashesJoinToTheSerialHash(Variant variant, int threads) throws InterruptedException {
        AmdahlDemo demo = new AmdahlDemo();
        String serial = demo.run(DemoConfig.of(1, Variant.BOTTLENECK, SCALE)).result();

        assertThat(demo.run(DemoConfig.of(threads, variant, SCALE)).result()).isEqualTo(serial);
    }

    @Test
    void everyRoundChangesTheHash() throws InterruptedException {
        AmdahlDemo demo = new AmdahlDemo();

        assertThat(demo.run(DemoConfig.of(2, Variant.FIXED, 1.0 / AmdahlDemo.DEFAULT_ROUNDS)).result())
                .isNotEqualTo(demo.run(DemoConfig.of(2, Variant.FIXED, SCALE)).result());
    }

    @Test
    void reportsRoundsAndSerialTime() throws InterruptedException {
        DemoResult result = new AmdahlDemo().run(DemoConfig.of(2, Variant.BOTTLENECK, SCALE));

        assertThat(result.metrics()).containsEntry("rounds", "2");
        assertThat(Long.parseLong(result.metrics().get("serialMillis"))).isNotNegative();
    }

    @Test
    void workersAreNamedAmdahlWorker() throws Exception {
        assertThat(StartedThreads.namesDuring("amdahl-",
                () -> new AmdahlDemo().run(DemoConfig.of(3, Variant.BOTTLENECK, SCALE))))
                .containsExactlyInAnyOrderElementsOf(StartedThreads.workerNames("amdahl", 3));
    }

    @Test
    void expectsASerialSectionOnTheCallingThread() {
        assertThat(new AmdahlDemo().expectedFinding(DemoConfig.of(4, Variant.BOTTLENECK, 1.0)))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("SERIAL_SECTION", "main", "paragent.demo.amdahl.");
    }
}
