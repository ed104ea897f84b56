package paragent.analyzer.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaling analysis on two real recordings made in this JVM: the same number of draws from one
 * shared {@link Random}, by 1 thread and split between 2. Whether the 2-thread run's CPU time grows
 * depends on how busy the machine's cores are, so only what holds on any machine is asserted here;
 * the inflation finding's frames are tested on synthetic runs in {@link ScalingTest}.
 */
class ScalingRecordingTest {

    private static final int DRAWS = 15_000_000;
    private static final Random SHARED = new Random(42);
    private static volatile double sink;

    @TempDir
    static Path dir;
    private static ScalingReport report;
    private static RunAnalysis two;

    @BeforeAll
    static void recordOneAndTwoThreads() throws Exception {
        ScalingInput one = new ScalingInput(1, List.of(record(1)), null);
        ScalingInput twoThreads = new ScalingInput(2, List.of(record(2)), null);
        report = Scaling.analyze("draws {threads}", List.of(one, twoThreads));
        two = RunAnalysis.load(twoThreads, 1);
    }

    @Test
    void stacksOfRealRunsAddUpToTheThreadCount() {
        for (CountResult count : report.counts()) {
            SpeedupStack stack = count.stack();
            double sum = stack.achieved() + stack.unexplained()
                    + stack.components().stream().mapToDouble(StackComponent::speedup).sum();
            assertThat(sum).isCloseTo(count.threads(), within(1e-9));
        }
        assertThat(report.runs()).allSatisfy(r -> assertThat(r.usefulCpuSeconds()).isPositive());
    }

    @Test
    void samplesKeepTheirTopFrameOfAnyClassUnderTheApplicationFrame() {
        String draw = ScalingRecordingTest.class.getName() + ".draw";
        // JDK 17 samples show java.util.Random's frames on top; JDK 25's cooperative sampler puts the
        // inlined Random code at the loop's safepoint poll in draw
        assertThat(two.frames().cpuSeconds()).isNotEmpty().allSatisfy((top, seconds) -> {
            assertThat(top).matches(f -> f.equals(draw) || f.startsWith("java.") || f.startsWith("jdk."));
            assertThat(two.frames().where(top)).startsWith(draw + "(ScalingRecordingTest.java:");
            assertThat(seconds).isPositive();
        });
    }

    private static Path record(int threads) throws Exception {
        Path file = dir.resolve("draws-" + threads + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
            recording.enable("jdk.ThreadStart");
            recording.enable("jdk.ThreadEnd");
            recording.enable("jdk.JVMInformation");
            recording.enable("jdk.CPUInformation");
            recording.enable("jdk.ActiveSetting");
            recording.start();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(new Thread(() -> draw(DRAWS / threads), "drawer-" + i));
            }
            workers.forEach(Thread::start);
            for (Thread t : workers) {
                t.join();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void draw(int draws) {
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += SHARED.nextDouble();
        }
        sink = sum;
    }
}
