package paragent.analyzer.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.load.RecordingLoader;
import paragent.analyzer.model.FlameStack;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.testing.EventRecordings;
import paragent.analyzer.testing.FlameEvents;
import paragent.analyzer.testing.Workloads;

/** Flame graphs from real recordings made in the test JVM: paragent's flame events, JFR samples, lock waits. */
class FlameRecordingTest {

    private static volatile long sink;

    @Test
    void flameEventsAreLoadedAsTheAgentRecordedThem(@TempDir Path dir) throws Exception {
        Path jfr = EventRecordings.record(dir.resolve("flame.jfr"), "pool-1-thread-1",
                List.of("paragent.FlameStack", "paragent.FlameInfo"), () -> {
                    FlameEvents.FlameInfo info = new FlameEvents.FlameInfo();
                    info.modes = "cpu+wall";
                    info.engine = "async-profiler 4.6";
                    info.cpuEvent = "ctimer";
                    info.note = "perf events not permitted: CPU profile taken with ctimer";
                    info.droppedStacks = 3;
                    info.commit();
                    FlameEvents.stack("cpu", "pool-1-thread-1", "app.Main.run;app.Main.spin", 4, 40_000_000L);
                    FlameEvents.stack("cpu", "", "start_thread;thread_native_entry", 1, 10_000_000L);
                    FlameEvents.stack("wall", "pool-1-thread-1", "app.Main.run;java.lang.Thread.sleep", 9, 180_000_000L);
                });

        RecordingModel model = RecordingLoader.load(jfr);
        Analysis analysis = Analyzer.analyze(jfr);

        assertThat(model.flames().mode("cpu")).extracting(FlameStack::thread).containsExactly("pool-1-thread-1", null);
        assertThat(model.flames().mode("wall").get(0).frames()).containsExactly("app.Main.run", "java.lang.Thread.sleep");
        assertThat(model.flames().droppedStacks()).isEqualTo(3);
        FlameGraphs flames = analysis.flames();
        assertThat(flames.engine()).isEqualTo("async-profiler 4.6");
        assertThat(flames.cpuEvent()).isEqualTo("ctimer");
        assertThat(flames.note()).startsWith("perf events not permitted: CPU profile taken with ctimer");
        FlameGraph cpu = flames.graphs().get(0);
        assertThat(cpu.kind()).isEqualTo("cpu");
        assertThat(cpu.samples()).isEqualTo(5);
        assertThat(cpu.weightNanos()).isEqualTo(50_000_000L);
    }

    @Test
    void withoutFlameEventsTheCpuGraphIsBuiltFromJfrExecutionSamples(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("samples.jfr");
        // JFR's sampler may not run at once on a busy machine: burn longer until it has sampled.
        for (long burnNanos = 400_000_000L; !hasExecutionSamples(jfr); burnNanos *= 2) {
            assertThat(burnNanos).as("JFR took no execution sample in 6 s of CPU burn").isLessThan(6_400_000_000L);
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                recording.start();
                burnCpuForFlameTest(burnNanos);
                recording.stop();
                recording.dump(jfr);
            }
        }

        FlameGraphs flames = Analyzer.analyze(jfr).flames();

        assertThat(flames.engine()).isEqualTo("jfr");
        assertThat(flames.note()).contains("JFR execution samples");
        FlameGraph cpu = flames.graphs().get(0);
        assertThat(cpu.source()).isEqualTo(FlameGraphBuilder.JFR_SAMPLES);
        assertThat(cpu.samples()).isPositive();
        assertThat(names(cpu.root())).contains(FlameRecordingTest.class.getName() + ".burnCpuForFlameTest");
    }

    @Test
    void aContendedLockFindingHasTheFlameGraphOfItsWaitingStacks() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.paragentLockContention());

        Finding lock = analysis.findings().stream().filter(f -> f.kind() == FindingKind.LOCK_CONTENTION)
                .findFirst().orElseThrow();
        FlameGraph graph = analysis.flames().lockGraph(lock.subject()).orElseThrow();
        assertThat(graph.kind()).isEqualTo("lock");
        assertThat(graph.source()).isEqualTo("paragent.LockWait waits");
        assertThat(graph.weightNanos()).isPositive();
        assertThat(names(graph.root())).anyMatch(n -> n.endsWith(".lockedWork"));
    }

    private static boolean hasExecutionSamples(Path jfr) throws IOException {
        if (!Files.exists(jfr)) {
            return false;
        }
        return RecordingFile.readAllEvents(jfr).stream()
                .anyMatch(e -> e.getEventType().getName().equals("jdk.ExecutionSample"));
    }

    private static void burnCpuForFlameTest(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        sink = x;
    }

    private static List<String> names(FlameNode node) {
        List<String> names = new ArrayList<>();
        names.add(node.name());
        node.children().forEach(c -> names.addAll(names(c)));
        return names;
    }
}
