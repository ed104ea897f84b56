package paragent.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SampledFrames;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.WaitDistribution;

/** The utilization rules on synthetic timelines: 10 buckets of 0.1 s, 2 cores. */
class UtilizationRulesTest {

    private static final int BUCKETS = 10;
    private static final double WIDTH = 0.1;
    private static final double WALL = BUCKETS * WIDTH;

    /** A thread's timeline: one state per bucket, given as a string of state letters. */
    private static float[][] lane(String states) {
        float[][] s = new float[ThreadState.values().length][BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            s[stateOf(states.charAt(b)).ordinal()][b] = (float) WIDTH;
        }
        return s;
    }

    private static ThreadState stateOf(char c) {
        return switch (c) {
            case 'R' -> ThreadState.RUNNING;
            case 'Q' -> ThreadState.WAITING_FOR_CPU;
            case 'B' -> ThreadState.BLOCKED;
            case 'I' -> ThreadState.PARKED_IDLE;
            case 'W' -> ThreadState.WAITING;
            case 'G' -> ThreadState.GC;
            case '-' -> ThreadState.NOT_ALIVE;
            default -> throw new IllegalArgumentException(String.valueOf(c));
        };
    }

    private static ThreadTime thread(String name, long id, float[][] lane) {
        double[] totals = new double[ThreadState.values().length];
        for (ThreadState state : ThreadState.values()) {
            for (float v : lane[state.ordinal()]) {
                totals[state.ordinal()] += v;
            }
        }
        double lifetime = WALL - totals[ThreadState.NOT_ALIVE.ordinal()];
        return new ThreadTime(name, id, id, totals[0], lifetime, totals[0], totals[1], totals[2],
                totals[ThreadState.PARKED_IDLE.ordinal()], 0, totals[ThreadState.PARKED_IDLE.ordinal()],
                totals[ThreadState.WAITING.ordinal()], 0, 0, totals[ThreadState.GC.ordinal()], 0, 10, false, true,
                ThreadTime.groupOf(name));
    }

    /** A model of workers given as name → lane, plus executors and GC. */
    private static RecordingModel model(Map<String, String> lanes, List<ExecutorModel> executors, GcModel gc) {
        List<ThreadTime> threads = new ArrayList<>();
        Map<Long, float[][]> timeline = new HashMap<>();
        Map<Long, double[]> sampleTimes = new HashMap<>();
        Map<Long, String[]> sampleFrames = new HashMap<>();
        long id = 1;
        for (Map.Entry<String, String> e : lanes.entrySet()) {
            float[][] lane = lane(e.getValue());
            threads.add(thread(e.getKey(), id, lane));
            timeline.put(id, lane);
            sampleTimes.put(id, new double[] {0.05, 0.55});
            sampleFrames.put(id, new String[] {"app.Work.run(Work.java:" + id + ")",
                "app.Work.run(Work.java:" + id + ")"});
            id++;
        }
        return new RecordingModel("r.jfr", new JvmInfo(1L, "17", 2, "app"), WALL, 10_000_000L, 10_000, threads,
                List.of(), List.of(), new Timeline(WIDTH, BUCKETS, WALL, timeline), executors, ProcessModel.empty(),
                gc, new SampledFrames(sampleTimes, sampleFrames));
    }

    private static RecordingModel model(Map<String, String> lanes) {
        return model(lanes, List.of(), GcModel.empty());
    }

    private static Map<String, String> lanes(String... nameAndLane) {
        Map<String, String> lanes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameAndLane.length; i += 2) {
            lanes.put(nameAndLane[i], nameAndLane[i + 1]);
        }
        return lanes;
    }

    private static List<Finding> ofKind(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void runQueueWaitOfMoreRunnableThreadsThanCoresIsOversubscription() {
        RecordingModel m = model(lanes("busy-1", "RQRQRQRQRQ", "busy-2", "QRQRQRQRQR", "busy-3", "RQRQRQRQRQ",
                "busy-4", "QRQRQRQRQR"));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.kind()).isEqualTo(FindingKind.OVERSUBSCRIPTION);
        assertThat(f.subject()).isEqualTo("busy-N");
        assertThat(f.where()).startsWith("app.Work.run(Work.java:");
        assertThat(f.lostThreadSeconds()).isCloseTo(4 * 0.5, within(1e-6));
        assertThat(f.share()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void runQueueWaitWithNoMoreRunnableThreadsThanCoresIsNotOversubscription() {
        // Two threads on two cores wait for a CPU: someone else's processes hold the cores.
        RecordingModel m = model(lanes("busy-1", "RQRQRQRQRQ", "busy-2", "QRQRQRQRQR"));

        assertThat(ofKind(Diagnosis.diagnose(m), FindingKind.OVERSUBSCRIPTION)).isEmpty();
    }

    @Test
    void oneThreadWorkingWhileTheOthersIdleIsASerialSection() {
        RecordingModel m = model(lanes("main", "WWWWWRRRRR", "pool-1", "RRRRRIIIII", "pool-2", "RRRRRIIIII"));

        List<Finding> findings = Diagnosis.diagnose(m);

        List<Finding> serial = ofKind(findings, FindingKind.SERIAL_SECTION);
        assertThat(serial).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("main");
            assertThat(f.where()).isEqualTo("app.Work.run(Work.java:1)");
            assertThat(f.detail()).containsExactly("main ran app.Work.run(Work.java:1) alone: 1 sample");
            assertThat(f.lostThreadSeconds()).isCloseTo(2 * 0.5, within(1e-6));
        });
        assertThat(ofKind(findings, FindingKind.LOAD_IMBALANCE)).isEmpty();
    }

    @Test
    void siblingsIdleWhileOneStillWorksIsLoadImbalanceNotASerialSection() {
        RecordingModel m = model(lanes("loop-1", "RRRRRRRRRR", "loop-2", "RRR-------", "loop-3", "RRRRRIIIII"));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(ofKind(findings, FindingKind.SERIAL_SECTION)).isEmpty();
        assertThat(ofKind(findings, FindingKind.LOAD_IMBALANCE)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("loop-N");
            assertThat(f.lostThreadSeconds()).isCloseTo(0.7 + 0.5, within(1e-6));
        });
    }

    @Test
    void aPoolsSubmitSiteIsTheImbalancesPartitioningSite() {
        RecordingModel m = model(lanes("loop-1", "RRRRRRRRRR", "loop-2", "RRRIIIIIII"),
                List.of(pool(List.of(1L, 2L), 2, 900_000_000L, 400_000_000L)), GcModel.empty());

        assertThat(ofKind(Diagnosis.diagnose(m), FindingKind.LOAD_IMBALANCE)).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("app.Loop.split(Loop.java:7)"));
    }

    @Test
    void thousandsOfTinyTasksWithIdleWorkersAreTaskOverheadAndNotAlsoImbalance() {
        // 20,000 tasks of 10 µs: 0.2 s of work in 2 workers × 1 s; the rest (idle, and running the
        // pool's hand-off code) is overhead.
        RecordingModel m = model(lanes("pool-1", "RIRIRIRIRI", "pool-2", "IRIRIRIRIR", "main", "RRRRRRRRRR"),
                List.of(pool(List.of(1L, 2L), 20_000, 200_000_000L, 10_000L)), GcModel.empty());

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(ofKind(findings, FindingKind.TASK_OVERHEAD)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pool-N");
            assertThat(f.where()).isEqualTo("app.Loop.split(Loop.java:7)");
            assertThat(f.lostThreadSeconds()).isCloseTo(2.0 - 0.2, within(1e-6));
        });
        assertThat(ofKind(findings, FindingKind.LOAD_IMBALANCE)).isEmpty();
        assertThat(ofKind(findings, FindingKind.SERIAL_SECTION)).isEmpty();
    }

    @Test
    void theSubmittersTimeAndTheWorkersItDisplacedAreTaskOverheadBeforeOversubscription() {
        // main feeds the pool all the time (all its samples sit at the submit site) beside 2 workers
        // on 2 cores. Workers: 1.0 s of their 2.0 s outside tasks. main: 0.2 s inside submit calls,
        // but its samples say all its 1.0 s went to creating and submitting tasks; the 0.5 s of the
        // workers' run-queue wait left is what main kept from them. Nothing is left to oversubscription.
        RecordingModel m = submittedByMain(lanes("pool-1", "QRQRQRQRQR", "pool-2", "RQRQRQRQRQ", "main", "RRRRRRRRRR"),
                1_000_000_000L, 50_000, 200_000_000L);

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.TASK_OVERHEAD);
            assertThat(f.lostThreadSeconds()).isCloseTo(1.0 + 1.0 + 0.5, within(1e-6));
            assertThat(f.evidence()).contains("submitting took 0.20 s in all")
                    .endsWith("; the submitting threads spent 1.00 s feeding the pool (by their samples at the"
                            + " submit site: creating tasks, submitting them, waiting for a core)");
        });
    }

    @Test
    void aSubmitterDoingOtherWorkIsChargedItsSubmitCallsAndItsShareAtTheSubmitSite() {
        // main runs and waits for a core by turns (0.5 s each); one of its two samples is at the
        // submit site: half its time, 0.5 s, fed the pool, of which 0.25 s on a core, more than
        // the 0.2 s inside submit calls. Of the workers' 0.5 s of run-queue wait left after their
        // own overhead, 0.25 s is what main kept from them feeding the pool; the other 0.25 s, and
        // main's own 0.25 s of waiting for a core outside feeding, are oversubscription.
        RecordingModel plain = submittedByMain(lanes("pool-1", "QRQRQRQRQR", "pool-2", "RQRQRQRQRQ",
                "main", "RQRQRQRQRQ"), 1_000_000_000L, 50_000, 200_000_000L);
        RecordingModel m = new RecordingModel("r.jfr", plain.jvm(), WALL, plain.samplePeriodNanos(), 10_000,
                plain.threads(), List.of(), List.of(), plain.timeline(), plain.executors(), ProcessModel.empty(),
                GcModel.empty(), new SampledFrames(Map.of(3L, new double[] {0.05, 0.55}),
                        Map.of(3L, new String[] {"app.Loop.submit(Loop.java:9)", "app.Loop.prepare(Loop.java:12)"})));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(ofKind(findings, FindingKind.TASK_OVERHEAD)).singleElement()
                .satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(1.0 + 0.5 + 0.25, within(1e-6)));
        assertThat(ofKind(findings, FindingKind.OVERSUBSCRIPTION)).singleElement()
                .satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(0.25 + 0.25, within(1e-6)));
    }

    @Test
    void workersBusyInTasksStillShowTaskOverheadWhenSubmittingCostsAsMuch() {
        // The workers are in tasks all the time (a task's run time includes its waits for a core),
        // but main spent 50 µs submitting each 100 µs task, and held a core the workers waited for.
        RecordingModel m = submittedByMain(lanes("pool-1", "RQRQRQRQRQ", "pool-2", "QRQRQRQRQR", "main", "RRRRRRRRRR"),
                2_000_000_000L, 100_000, 1_000_000_000L);

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.TASK_OVERHEAD);
            assertThat(f.lostThreadSeconds()).isCloseTo(1.0 + 1.0, within(1e-6));
        });
    }

    @Test
    void fewLargeTasksAreNoTaskOverhead() {
        RecordingModel m = model(lanes("pool-1", "RRRRRRRRRR", "pool-2", "RRRRRRRRRR"),
                List.of(pool(List.of(1L, 2L), 8, 2_000_000_000L, 250_000_000L)), GcModel.empty());

        assertThat(ofKind(Diagnosis.diagnose(m), FindingKind.TASK_OVERHEAD)).isEmpty();
    }

    @Test
    void workersStoppedByGcNameTheMostAllocatedClassAndItsSite() {
        RecordingModel m = model(lanes("w-1", "RRGRRGRRGR", "w-2", "RRGRRGRRGR"), List.of(),
                new GcModel(3, 0.3, "G1New", "app.Particle", "app.Sim.step(Sim.java:12)", 0.8));

        assertThat(Diagnosis.diagnose(m)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.GC);
            assertThat(f.subject()).isEqualTo("app.Particle");
            assertThat(f.where()).isEqualTo("app.Sim.step(Sim.java:12)");
            assertThat(f.lostThreadSeconds()).isCloseTo(0.6, within(1e-6));
        });
    }

    @Test
    void noThreadSecondIsCountedTwiceAcrossKinds() {
        // Oversubscribed, GC-stopped, and finishing unevenly, all at once.
        RecordingModel m = model(lanes("w-1", "RQGRQRQRQR", "w-2", "QRGQRQR---", "w-3", "RQGRQ-----",
                "w-4", "QRGQRQRQRQ"));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).extracting(Finding::kind).contains(FindingKind.OVERSUBSCRIPTION, FindingKind.GC,
                FindingKind.LOAD_IMBALANCE);
        double lost = findings.stream().mapToDouble(Finding::lostThreadSeconds).sum();
        double notRunning = 4 * WALL - m.workers().stream().mapToDouble(ThreadTime::runningSeconds).sum();
        assertThat(lost).isLessThanOrEqualTo(notRunning + 1e-6);
        assertThat(findings.stream().mapToDouble(Finding::share).sum()).isLessThanOrEqualTo(1);
    }

    /**
     * Threads 1 and 2 form a pool that ran 20,000 tasks (in all {@code runNanos}, median
     * {@code p50Nanos}); thread 3 submitted them all, {@code submitNanos} in submit calls, and its
     * samples sit at the submit site.
     */
    private static RecordingModel submittedByMain(Map<String, String> lanes, long runNanos, long p50Nanos,
                                                  long submitNanos) {
        RecordingModel plain = model(lanes);
        String site = "app.Loop.submit(Loop.java:9)";
        ExecutorModel pool = new ExecutorModel(7, "java.util.concurrent.ThreadPoolExecutor", "ThreadPoolExecutor", 2,
                "pool-N", null, 20_000, 20_000, submitNanos,
                new WaitDistribution(20_000, 1_000_000_000L, 5_000, 50_000, 90_000),
                new WaitDistribution(20_000, runNanos, p50Nanos, p50Nanos * 2, p50Nanos * 3), site, List.of(1L, 2L), 0);
        SampledFrames samples = new SampledFrames(Map.of(3L, new double[] {0.05, 0.55}),
                Map.of(3L, new String[] {site, site}));
        return new RecordingModel("r.jfr", plain.jvm(), WALL, plain.samplePeriodNanos(), 10_000, plain.threads(),
                List.of(), List.of(), plain.timeline(), List.of(pool), ProcessModel.empty(), GcModel.empty(), samples);
    }

    private static ExecutorModel pool(List<Long> workers, long tasks, long runNanos, long p50Nanos) {
        return new ExecutorModel(7, "java.util.concurrent.ThreadPoolExecutor", "ThreadPoolExecutor", workers.size(),
                "pool-N", "app.Loop.<init>(Loop.java:3)", tasks, tasks, tasks * 1_000L,
                new WaitDistribution(tasks, tasks * 5_000L, 5_000, 50_000, 90_000),
                new WaitDistribution(tasks, runNanos, p50Nanos, p50Nanos * 2, p50Nanos * 3),
                "app.Loop.split(Loop.java:7)", workers, 0.5);
    }
}
