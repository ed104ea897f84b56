package paragent.analyzer.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.FlameStack;
import paragent.analyzer.model.FlameStacks;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.SampledFrames;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.WaitDistribution;

/** Which graphs a model's stacks give: CPU source, wall per worker pool, lock per finding. Synthetic models. */
class FlameGraphBuilderTest {

    private static final JvmInfo JVM = new JvmInfo(1L, "17", 4, "app");
    private static final WaitDistribution NONE = new WaitDistribution(0, 0, 0, 0, 0);

    @Test
    void wallStacksAreGroupedByTheWorkerPoolOfTheirThread() {
        List<ThreadTime> threads = List.of(thread("pool-1-thread-1", 1, true), thread("pool-1-thread-2", 2, true),
                thread("main", 3, false), thread("crunch-a", 4, true), thread("crunch-b", 5, true));
        ExecutorModel forkJoin = new ExecutorModel(9, "java.util.concurrent.ForkJoinPool", "ForkJoinPool", 2, "crunch",
                null, 10, 10, 0, NONE, NONE, null, List.of(4L, 5L), 0);
        FlameStacks stacks = stacks(Map.of("wall", List.of(wall("pool-1-thread-1", "app.A.run", 10),
                wall("pool-1-thread-2", "app.A.run", 5), wall("main", "app.Main.main", 100),
                wall("crunch-a", "app.B.run", 2), wall("crunch-b", "app.B.run", 2))), Map.of());

        FlameGraphs flames = FlameGraphBuilder.build(model(threads, List.of(forkJoin), stacks), List.of());

        assertThat(flames.graphs()).extracting(FlameGraph::subject).containsExactly("pool-1-thread-N", "crunch");
        FlameGraph pool = flames.graphs().get(0);
        assertThat(pool.kind()).isEqualTo("wall");
        assertThat(pool.weightNanos()).isEqualTo(15 * 20_000_000L);
        assertThat(pool.id()).isEqualTo("flame-wall-1");
        assertThat(pool.root().children()).extracting(FlameNode::name).containsExactly("app.A.run");
    }

    @Test
    void eachLockContentionFindingGetsTheWaitingStacksOfItsLockClass() {
        LockKey first = new LockKey(LockKind.JUC, "app.Gil", "1a");
        LockKey second = new LockKey(LockKind.JUC, "app.Gil", "2b");
        LockKey other = new LockKey(LockKind.MONITOR, "app.Other", "");
        FlameStacks stacks = stacks(Map.of(), Map.of(
                first, List.of(new FlameStack(null, List.of("app.W.run", "app.Gil.acquire"), 3, 3_000)),
                second, List.of(new FlameStack(null, List.of("app.V.run", "app.Gil.acquire"), 1, 1_000)),
                other, List.of(new FlameStack(null, List.of("app.O.run"), 5, 9_000))));
        List<Finding> findings = List.of(finding(FindingKind.SERIAL_SECTION, "app.Gil"),
                finding(FindingKind.LOCK_CONTENTION, "app.Gil"));

        FlameGraphs flames = FlameGraphBuilder.build(model(List.of(), List.of(), stacks), findings);

        assertThat(flames.graphs()).hasSize(1);
        FlameGraph gil = flames.lockGraph("app.Gil").orElseThrow();
        assertThat(gil.kind()).isEqualTo("lock");
        assertThat(gil.samples()).isEqualTo(4);
        assertThat(gil.weightNanos()).isEqualTo(4_000);
        assertThat(gil.source()).isEqualTo("paragent.LockWait waits");
        assertThat(gil.root().children()).extracting(FlameNode::name).containsExactly("app.W.run", "app.V.run");
        assertThat(flames.lockGraph("app.Other")).as("no finding, no graph").isEmpty();
    }

    @Test
    void withoutAsyncProfilerStacksTheCpuGraphComesFromExecutionSamplesAndSaysSo() {
        FlameStacks stacks = new FlameStacks(null, "", "", "", 0, Map.of(),
                List.of(new FlameStack("w", List.of("app.Main.main", "app.Main.spin"), 7, 0)), Map.of(), 10_000_000L);

        FlameGraphs flames = FlameGraphBuilder.build(model(List.of(), List.of(), stacks), List.of());

        assertThat(flames.engine()).isEqualTo("jfr");
        assertThat(flames.note()).contains(FlameGraphBuilder.JFR_SAMPLES);
        FlameGraph cpu = flames.graphs().get(0);
        assertThat(cpu.source()).isEqualTo(FlameGraphBuilder.JFR_SAMPLES);
        assertThat(cpu.weightNanos()).isEqualTo(70_000_000L);
    }

    @Test
    void asyncProfilerCpuStacksWinOverExecutionSamples() {
        FlameStacks stacks = new FlameStacks("async-profiler 4.6", "cpu+wall", "ctimer",
                "perf events not permitted: CPU profile taken with ctimer", 0,
                Map.of("cpu", List.of(new FlameStack("w", List.of("app.Main.spin"), 2, 20_000_000L))),
                List.of(new FlameStack("w", List.of("app.Main.other"), 7, 0)), Map.of(), 10_000_000L);

        FlameGraphs flames = FlameGraphBuilder.build(model(List.of(), List.of(), stacks), List.of());

        assertThat(flames.note()).isEqualTo("perf events not permitted: CPU profile taken with ctimer");
        assertThat(flames.graphs().get(0).source()).isEqualTo("async-profiler ctimer (timer)");
        assertThat(flames.graphs().get(0).root().children()).extracting(FlameNode::name).containsExactly("app.Main.spin");
    }

    private static FlameStacks stacks(Map<String, List<FlameStack>> byMode, Map<LockKey, List<FlameStack>> locks) {
        return new FlameStacks("async-profiler 4.6", "cpu+wall", "cpu", "", 0, byMode, List.of(), locks, 10_000_000L);
    }

    private static FlameStack wall(String thread, String frame, long samples) {
        return new FlameStack(thread, List.of(frame), samples, samples * 20_000_000L);
    }

    private static Finding finding(FindingKind kind, String subject) {
        return new Finding(kind, 1, 0.5, subject, null, "t", "e", "a", List.of());
    }

    private static ThreadTime thread(String name, long id, boolean worker) {
        return new ThreadTime(name, id, id + 100, 0.5, 1.0, 0.5, null, 0.1, 0.12, 0.05, 0.04, 0.01, 0.01, 0.02, 0.01, 0.0,
                10, false, worker, ThreadTime.groupOf(name));
    }

    private static RecordingModel model(List<ThreadTime> threads, List<ExecutorModel> executors, FlameStacks stacks) {
        return new RecordingModel("r.jfr", JVM, 1.0, 10_000_000L, 10_000, threads, List.of(), List.of(),
                Timeline.empty(), executors, ProcessModel.empty(), GcModel.empty(), SampledFrames.empty(),
                IpcModel.empty(), RunIdentity.of(JVM), GpuModel.empty(), stacks);
    }
}
