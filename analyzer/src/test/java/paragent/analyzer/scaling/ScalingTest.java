package paragent.analyzer.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.RecordingException;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;

/** The scaling analysis on synthetic runs: medians, representative runs, stacks, spread and findings. */
class ScalingTest {

    private static final FrameProfile NO_FRAMES = FrameProfile.empty();

    @Test
    void stackSplitsTheIdealSpeedupIntoAchievedCausesAndRemainderExactly() throws Exception {
        RunAnalysis one = run(1, 1, 4.0, Map.of(FindingKind.GC, 0.1), 3.9);
        RunAnalysis two = run(2, 1, 2.5, Map.of(FindingKind.GC, 0.1, FindingKind.LOCK_CONTENTION, 0.6,
                FindingKind.SERIAL_SECTION, 0.2), 4.4);

        SpeedupStack stack = Scaling.analyzeRuns("app {threads}", List.of(one, two)).counts().get(1).stack();

        assertThat(stack.ideal()).isEqualTo(2);
        assertThat(stack.achieved()).isCloseTo(1.6, within(1e-12));
        assertThat(stack.components()).extracting(StackComponent::cause)
                .containsExactly("LOCK_CONTENTION", "CPU_TIME_INFLATION", "SERIAL_SECTION");
        assertThat(stack.components().get(0).speedup()).isCloseTo(0.24, within(1e-12));
        assertThat(stack.components().get(0).lostThreadSeconds()).isCloseTo(0.6, within(1e-12));
        assertThat(stack.components().get(1).speedup()).isCloseTo(0.2, within(1e-12));
        assertThat(stack.components().get(2).speedup()).isCloseTo(0.08, within(1e-12));
        // 2·2.5 − 4 = 1 thread-second: 0.6 + 0.5 + 0.2 explained, −0.3 left over
        assertThat(stack.unexplained()).isCloseTo(-0.12, within(1e-12));
        assertIdentity(stack);
    }

    @Test
    void stackOfTheOneThreadCountIsAllAchieved() throws Exception {
        RunAnalysis one = run(1, 1, 4.0, Map.of(FindingKind.GC, 0.3), 3.5);

        SpeedupStack stack = Scaling.analyzeRuns(null, List.of(one)).counts().get(0).stack();

        assertThat(stack.achieved()).isEqualTo(1);
        assertThat(stack.components()).isEmpty();
        assertThat(stack.unexplained()).isZero();
    }

    @Test
    void countsUseMediansAndStacksTheLowerMedianRun() throws Exception {
        List<RunAnalysis> runs = List.of(
                run(1, 1, 4.2, Map.of(), 4.0), run(2, 1, 2.8, Map.of(), 4.0),
                run(1, 2, 4.0, Map.of(), 3.8), run(2, 2, 2.5, Map.of(), 4.0),
                run(2, 3, 2.6, Map.of(), 4.3));

        ScalingReport report = Scaling.analyzeRuns(null, runs);

        CountResult two = report.counts().get(1);
        assertThat(two.runs()).isEqualTo(3);
        assertThat(two.wallSeconds()).isEqualTo(2.6);
        assertThat(two.wallMinSeconds()).isEqualTo(2.5);
        assertThat(two.wallMaxSeconds()).isEqualTo(2.8);
        assertThat(two.speedup()).isCloseTo(4.1 / 2.6, within(1e-12));
        assertThat(two.speedupMin()).isCloseTo(4.1 / 2.8, within(1e-12));
        assertThat(two.speedupMax()).isCloseTo(4.1 / 2.5, within(1e-12));
        assertThat(two.efficiency()).isCloseTo(4.1 / 2.6 / 2, within(1e-12));
        assertThat(two.stack().spread()).isCloseTo(4.1 / 2.5 - 4.1 / 2.8, within(1e-12));
        // representative runs: 4.0 s (lower median of two) and 2.6 s
        assertThat(two.stack().achieved()).isCloseTo(4.0 / 2.6, within(1e-12));
        assertThat(two.stack().components()).singleElement().satisfies(c -> {
            assertThat(c.cause()).isEqualTo("CPU_TIME_INFLATION");
            assertThat(c.lostThreadSeconds()).isCloseTo(0.5, within(1e-12));
        });
        assertIdentity(two.stack());
        assertThat(report.counts().get(0).wallSeconds()).isCloseTo(4.1, within(1e-12));
        assertThat(report.counts().get(0).speedup()).isEqualTo(1);
        assertThat(report.counts().get(0).karpFlatt()).isNull();
        assertThat(report.runs()).extracting(RunResult::repeat).containsExactly(1, 1, 2, 2, 3);
    }

    @Test
    void karpFlattIsTheSerialFractionOfAnAmdahlSpeedup() throws Exception {
        double f = 0.1;
        List<RunAnalysis> runs = List.of(run(1, 1, 10, Map.of(), 10), run(4, 1, 10 * (f + (1 - f) / 4), Map.of(), 10));

        CountResult four = Scaling.analyzeRuns(null, runs).counts().get(1);

        assertThat(four.karpFlatt()).isCloseTo(f, within(1e-12));
    }

    @Test
    void componentsSmallerThanTheSpreadAreMarkedAndTheStackSaysSo() throws Exception {
        List<RunAnalysis> runs = List.of(run(1, 1, 4.0, Map.of(), 4.0),
                run(2, 1, 2.2, Map.of(FindingKind.LOCK_CONTENTION, 0.1), 4.0),
                run(2, 2, 2.9, Map.of(FindingKind.LOCK_CONTENTION, 0.1), 5.0));

        ScalingReport report = Scaling.analyzeRuns(null, runs);

        SpeedupStack stack = report.counts().get(1).stack();
        assertThat(stack.components()).filteredOn(c -> c.cause().equals("LOCK_CONTENTION"))
                .singleElement().satisfies(c -> assertThat(c.withinSpread()).isTrue());
        assertThat(stack.note()).startsWith("repeats differ by 0.44 in speedup, more than LOCK_CONTENTION's 0.05:")
                .endsWith("rerun with more --repeat or a quieter machine");
        assertThat(report.warnings()).contains("at 2 threads: " + stack.note());
    }

    @Test
    void componentsAboveTheSpreadLeaveNoNote() throws Exception {
        List<RunAnalysis> runs = List.of(run(1, 1, 4.0, Map.of(), 4.0),
                run(2, 1, 2.5, Map.of(FindingKind.LOCK_CONTENTION, 1.0), 4.0));

        ScalingReport report = Scaling.analyzeRuns(null, runs);

        assertThat(report.counts().get(1).stack().components()).allMatch(c -> !c.withinSpread());
        assertThat(report.counts().get(1).stack().note()).isNull();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void findingsRankCausesAtTheLargestCountReusingTheRunsOwnFinding() throws Exception {
        Finding own = new Finding(FindingKind.LOCK_CONTENTION, 0.9, 0.2, "app.Counter", "app.Counter.add(Counter.java:7)",
                "t", "waits", "use LongAdder", List.of("d"));
        RunAnalysis one = run(1, 1, 4.0, Map.of(), 4.0);
        RunAnalysis four = new RunAnalysis(result(4, 1, 2.0, Map.of(FindingKind.LOCK_CONTENTION, 2.0,
                FindingKind.GC, 0.4), 4.0, null), 4, List.of(own), NO_FRAMES);

        List<Finding> findings = Scaling.analyzeRuns(null, List.of(one, four)).findings();

        assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.LOCK_CONTENTION, FindingKind.GC);
        Finding lock = findings.get(0);
        assertThat(lock.lostThreadSeconds()).isCloseTo(2.0, within(1e-12));
        assertThat(lock.share()).isCloseTo(1.0 / 4, within(1e-12));
        assertThat(lock.subject()).isEqualTo("app.Counter");
        assertThat(lock.where()).isEqualTo("app.Counter.add(Counter.java:7)");
        assertThat(lock.advice()).isEqualTo("use LongAdder");
        assertThat(lock.title()).isEqualTo("Lock contention cost 1.00 of the ideal speedup 4 at 4 threads");
        Finding gc = findings.get(1);
        assertThat(gc.subject()).isEqualTo("garbage-collection pauses");
        assertThat(gc.where()).isNull();
        assertThat(gc.evidence()).contains("0.40 s of worker time");
    }

    @Test
    void causesThatShrankStayInTheStackButAreNoFindings() throws Exception {
        List<RunAnalysis> runs = List.of(run(1, 1, 4.0, Map.of(FindingKind.GC, 0.5), 4.0),
                run(2, 1, 2.5, Map.of(FindingKind.GC, 0.25), 4.0));

        ScalingReport report = Scaling.analyzeRuns(null, runs);

        assertThat(report.counts().get(1).stack().components()).singleElement()
                .satisfies(c -> assertThat(c.speedup()).isCloseTo(-0.1, within(1e-12)));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void inflationNamesTheFramesWhoseCpuGrewMostAndTheirApplicationFrame() throws Exception {
        FrameProfile before = new FrameProfile(Map.of("java.util.Random.next", 0.4, "app.Pi.run", 3.0),
                Map.of("java.util.Random.next", Map.of("app.Pi.run(Pi.java:9)", 0.4)));
        FrameProfile after = new FrameProfile(Map.of("java.util.Random.next", 1.3, "app.Pi.run", 3.1,
                "java.util.concurrent.atomic.AtomicLong.compareAndSet", 0.5),
                Map.of("java.util.Random.next", Map.of("app.Pi.run(Pi.java:9)", 1.2, "app.Pi.main(Pi.java:3)", 0.1)));
        RunAnalysis one = new RunAnalysis(result(1, 1, 4.0, Map.of(), 3.4, null), 2, List.of(), before);
        RunAnalysis two = new RunAnalysis(result(2, 1, 2.8, Map.of(), 4.9, null), 2, List.of(), after);

        Finding inflation = Scaling.analyzeRuns(null, List.of(one, two)).findings().get(0);

        assertThat(inflation.kind()).isEqualTo(FindingKind.CPU_TIME_INFLATION);
        assertThat(inflation.lostThreadSeconds()).isCloseTo(1.5, within(1e-12));
        assertThat(inflation.subject()).isEqualTo("java.util.Random.next");
        assertThat(inflation.where()).isEqualTo("app.Pi.run(Pi.java:9)");
        assertThat(inflation.detail()).containsExactly("java.util.Random.next: 0.40 s → 1.30 s CPU",
                "java.util.concurrent.atomic.AtomicLong.compareAndSet: 0.00 s → 0.50 s CPU",
                "app.Pi.run: 3.00 s → 3.10 s CPU");
        assertThat(inflation.advice()).contains("ThreadLocalRandom").contains("false sharing").endsWith("Pi.run");
    }

    @Test
    void inflationOnTheApplicationLineItselfNamesTheCodeThatLineCalls() throws Exception {
        // At 1 thread the samples show Random.next under the sampling line; at 2 threads C2 compiled
        // it into the line and the samples carry only the line's own frame.
        String line = "app.Pi.run(Pi.java:9)";
        FrameProfile before = new FrameProfile(Map.of("java.util.Random.next", 2.8, "app.Pi.run", 0.1,
                "java.util.Random.nextDouble", 0.2, "app.Pi.report", 0.3),
                Map.of("java.util.Random.next", Map.of(line, 2.8), "app.Pi.run", Map.of(line, 0.1),
                        "java.util.Random.nextDouble", Map.of(line, 0.2),
                        "app.Pi.report", Map.of("app.Pi.report(Pi.java:20)", 0.3)));
        FrameProfile after = new FrameProfile(Map.of("app.Pi.run", 9.5, "app.Pi.report", 0.3),
                Map.of("app.Pi.run", Map.of(line, 9.5), "app.Pi.report", Map.of("app.Pi.report(Pi.java:20)", 0.3)));
        RunAnalysis one = new RunAnalysis(result(1, 1, 3.0, Map.of(), 2.9, null), 2, List.of(), before);
        RunAnalysis two = new RunAnalysis(result(2, 1, 5.4, Map.of(), 10.1, null), 2, List.of(), after);

        Finding inflation = Scaling.analyzeRuns(null, List.of(one, two)).findings().get(0);

        assertThat(inflation.subject()).isEqualTo("app.Pi.run");
        assertThat(inflation.where()).isEqualTo(line);
        assertThat(inflation.evidence()).endsWith("; the samples at Pi.run(Pi.java:9) also show the code that line"
                + " calls, which the JIT may have compiled into it: java.util.Random.next (2.80 s → 0.00 s CPU),"
                + " java.util.Random.nextDouble (0.20 s → 0.00 s CPU)");
    }

    @Test
    void inflationInACalleeNamesNoOtherCode() throws Exception {
        FrameProfile before = new FrameProfile(Map.of("java.util.Random.next", 0.4),
                Map.of("java.util.Random.next", Map.of("app.Pi.run(Pi.java:9)", 0.4)));
        FrameProfile after = new FrameProfile(Map.of("java.util.Random.next", 1.3, "java.util.Random.nextDouble", 0.1),
                Map.of("java.util.Random.next", Map.of("app.Pi.run(Pi.java:9)", 1.3),
                        "java.util.Random.nextDouble", Map.of("app.Pi.run(Pi.java:9)", 0.1)));
        RunAnalysis one = new RunAnalysis(result(1, 1, 4.0, Map.of(), 3.4, null), 2, List.of(), before);
        RunAnalysis two = new RunAnalysis(result(2, 1, 2.8, Map.of(), 4.9, null), 2, List.of(), after);

        Finding inflation = Scaling.analyzeRuns(null, List.of(one, two)).findings().get(0);

        assertThat(inflation.subject()).isEqualTo("java.util.Random.next");
        assertThat(inflation.evidence()).doesNotContain("also show");
    }

    @Test
    void disturbedRunsAreNamedInAWarningAndStillCount() throws Exception {
        RunAnalysis quiet = new RunAnalysis(result(1, 1, 4.0, Map.of(), 4.0, 0.1), 2, List.of(), NO_FRAMES);
        RunAnalysis busy = new RunAnalysis(result(2, 1, 3.0, Map.of(), 4.0, 0.8), 2, List.of(), NO_FRAMES);

        ScalingReport report = Scaling.analyzeRuns(null, List.of(quiet, busy));

        assertThat(report.runs()).extracting(RunResult::disturbed).containsExactly(false, true);
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("the run at 2 threads (repeat 1, t2.jfr) was disturbed: other processes used 0.80 cores");
        assertThat(report.counts().get(1).runs()).isEqualTo(1);
    }

    @Test
    void withoutAOneThreadRunThereIsNoSpeedup() {
        assertThatThrownBy(() -> Scaling.analyzeRuns(null, List.of(run(2, 1, 2, Map.of(), 2))))
                .isInstanceOf(RecordingException.class)
                .hasMessage("no run at 1 thread: the speedup needs a 1-thread run (add 1 to --threads)");
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleOnes() {
        assertThat(Scaling.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
        assertThat(Scaling.median(new double[] {3, 1, 2})).isEqualTo(2);
    }

    private static void assertIdentity(SpeedupStack stack) {
        double sum = stack.achieved() + stack.unexplained()
                + stack.components().stream().mapToDouble(StackComponent::speedup).sum();
        assertThat(sum).isCloseTo(stack.ideal(), within(1e-9));
    }

    private static RunAnalysis run(int threads, int repeat, double wall, Map<FindingKind, Double> lost, double useful) {
        return new RunAnalysis(result(threads, repeat, wall, lost, useful, null), 2, List.of(), NO_FRAMES);
    }

    private static RunResult result(int threads, int repeat, double wall, Map<FindingKind, Double> lost, double useful,
                                    Double foreign) {
        return new RunResult(threads, repeat, List.of("t" + threads + ".jfr"), wall, useful + 0.5, threads, lost, useful,
                foreign, foreign != null && foreign > Scaling.DISTURBED_FOREIGN_CORES);
    }
}
