package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.sharedcounter.SharedCounterDemo;

class SharedCounterDemoTest {

    private static final double SCALE = 0.01;
    private static final long INCREMENTS = Math.round(SharedCounterDemo.DEFAULT_INCREMENTS * SCALE);

    @ParameterizedTest
    @CsvSource({
        "BOTTLENECK, synchronized, 1", "BOTTLENECK, synchronized, 3", "BOTTLENECK, reentrant, 4",
        "FIXED, synchronized, 1", "FIXED, synchronized, 3", "FIXED, reentrant, 4"})
    void countsEveryIncrementExactlyOnce(Variant variant, String lock, int threads) throws InterruptedException {
        DemoConfig config = DemoConfig.of(threads, variant, SCALE).withOption("lock", lock);

        DemoResult result = new SharedCounterDemo().run(config);

        assertThat(result.result()).isEqualTo(Long.toString(INCREMENTS));
        assertThat(result.wallNanos()).isPositive();
        assertThat(result.metrics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"BOTTLENECK", "FIXED"})
    void shortHotSectionStillCountsExactly(Variant variant) throws InterruptedException {
        DemoConfig config = DemoConfig.of(4, variant, SCALE).withOption("critical", "0").withOption("outside", "0");

        assertThat(new SharedCounterDemo().run(config).result()).isEqualTo(Long.toString(INCREMENTS));
    }

    @ParameterizedTest
    @CsvSource({"synchronized, false", "reentrant, true"})
    void measureContentionReportsBlockedAndLockWaitTimes(String lock, boolean expectsLockWait)
            throws InterruptedException {
        DemoConfig config = DemoConfig.of(2, Variant.BOTTLENECK, SCALE)
                .withOption("lock", lock).withOption("measure-contention", "true");

        DemoResult result = new SharedCounterDemo().run(config);

        assertThat(result.metrics()).containsKey("blockedMillis");
        assertThat(Long.parseLong(result.metrics().get("blockedMillis"))).isNotNegative();
        if (expectsLockWait) {
            assertThat(Long.parseLong(result.metrics().get("lockWaitMillis"))).isNotNegative();
        } else {
            assertThat(result.metrics()).doesNotContainKey("lockWaitMillis");
        }
    }

    @ParameterizedTest
    @CsvSource({"synchronized, SharedCounter", "reentrant, java.util.concurrent.locks.ReentrantLock"})
    void expectedSubjectFollowsTheLockOption(String lock, String subject) {
        DemoConfig config = DemoConfig.of(4, Variant.BOTTLENECK, 1.0).withOption("lock", lock);

        assertThat(new SharedCounterDemo().expectedFinding(config).subjectContains()).isEqualTo(subject);
    }
}
