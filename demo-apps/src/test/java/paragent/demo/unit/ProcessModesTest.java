package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Demos;
import paragent.demo.Variant;
import paragent.demo.gil.GilDemo;
import paragent.demo.pipes.PipesDemo;
import paragent.demo.pool.PoolDemo;
import paragent.demo.processes.PipeMeter;
import paragent.demo.processes.WorkerPipe;
import paragent.demo.processes.WorkerProcesses;
import paragent.demo.sharedcounter.SharedCounterDemo;

/**
 * The process modes: worker JVMs started from the test JVM's class path. Every run also proves its
 * byte count exact, since {@code WorkerPipe.finish} fails the run when a worker counted other bytes
 * on its side of the pipes than the parent did.
 */
class ProcessModesTest {

    private static final double SCALE = 0.1;
    private static final int PROCESSES = 2;
    /** Smaller for pipes: its cold worker JVMs deserialize slowly until the JIT warms up. */
    private static final double PIPES_SCALE = 0.02;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void gilCountsThePrimesOfTheThreadMode(Variant variant) throws InterruptedException {
        DemoResult processes = run("gil", variant, SCALE);

        assertThat(processes.result()).isEqualTo(run("gil", DemoConfig.of(PROCESSES, Variant.FIXED, SCALE)).result())
                .isEqualTo("78498"); // the primes below 1,000,000
        assertThat(processes.metrics()).containsEntry("units", "16")
                .containsEntry("workerProcesses", variant == Variant.BOTTLENECK ? "16" : "2");
        // 17-byte requests and 8-byte replies, one per unit, and a 16-byte trailer per worker JVM
        long workers = Long.parseLong(processes.metrics().get("workerProcesses"));
        assertThat(pipeBytes(processes)).isEqualTo(16 * (17 + 8) + workers * WorkerProcesses.TRAILER_BYTES);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void poolMapsToTheThreadModesSumOverTheSameInputs(Variant variant) throws InterruptedException {
        long inputs = Math.round(PoolDemo.DEFAULT_PROCESS_INPUTS * SCALE);
        double threadScale = (double) inputs / PoolDemo.DEFAULT_INPUTS;

        DemoResult processes = run("pool", variant, SCALE);

        assertThat(processes.result())
                .isEqualTo(run("pool", DemoConfig.of(PROCESSES, Variant.FIXED, threadScale)).result());
        long messages = variant == Variant.BOTTLENECK ? inputs : PROCESSES * PoolDemo.CHUNKS_PER_WORKER;
        long requestBytes = variant == Variant.BOTTLENECK ? 1 + 8 : 1 + 16;
        assertThat(processes.metrics()).containsEntry("tasks", Long.toString(messages));
        assertThat(pipeBytes(processes))
                .isEqualTo(messages * (requestBytes + 8) + PROCESSES * WorkerProcesses.TRAILER_BYTES);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void sharedCounterCountsEveryIncrementOnceAndRemovesItsFile(Variant variant) throws Exception {
        List<Path> before = counterFiles();

        DemoResult processes = run("shared-counter", variant, SCALE);

        assertThat(processes.result())
                .isEqualTo(Long.toString(Math.round(SharedCounterDemo.DEFAULT_PROCESS_INCREMENTS * SCALE)));
        // per worker: its ready word, the request, the reply and the trailer
        assertThat(pipeBytes(processes)).isEqualTo(PROCESSES * (8 + 26 + 8 + WorkerProcesses.TRAILER_BYTES));
        assertThat(counterFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void pipesSumsTheSameItemsWhetherSerializedOrMapped(Variant variant) throws InterruptedException {
        DemoResult processes = run("pipes", variant, PIPES_SCALE);

        assertThat(processes.result()).isEqualTo(expectedPipesSum(PIPES_SCALE));
        long items = PipesDemo.ROUNDS * Math.round(PipesDemo.DEFAULT_ITEMS_PER_ROUND * PIPES_SCALE);
        if (variant == Variant.BOTTLENECK) {
            // every sample serialized: more bytes than the items' raw 8 bytes each
            assertThat(pipeBytes(processes)).isGreaterThan(items * Long.BYTES);
        } else {
            long smallMessages = PipesDemo.ROUNDS * (12 + 8) + WorkerProcesses.TRAILER_BYTES;
            assertThat(pipeBytes(processes)).isEqualTo(PROCESSES * smallMessages);
        }
    }

    @Test
    void pipesRunsOneWorkerJvmPerThreadWithoutProcesses() throws InterruptedException {
        DemoResult result = run("pipes", DemoConfig.of(3, Variant.FIXED, PIPES_SCALE));

        assertThat(result.result()).isEqualTo(expectedPipesSum(PIPES_SCALE));
        assertThat(pipeBytes(result)).isEqualTo(3 * (PipesDemo.ROUNDS * (12 + 8) + WorkerProcesses.TRAILER_BYTES));
    }

    @Test
    void aWorkerThatFailsFailsTheParentLoudly() throws Exception {
        // amdahl has no worker code: WorkerMain says so on stderr and exits 2 without a trailer
        try (WorkerPipe worker = WorkerPipe.attach(WorkerProcesses.builder("amdahl").start(), new PipeMeter())) {
            assertThatThrownBy(worker::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ended without its trailer, exit 2");
        }
    }

    @Test
    void demosWithAProcessMode() {
        assertThat(Demos.all().stream().filter(Demo::supportsProcesses).map(Demo::name))
                .containsExactly("shared-counter", "gil", "pool", "pipes");
    }

    @Test
    void processModeExpectationsNameTheChannelOrSpawn() {
        DemoConfig processes = DemoConfig.of(4, Variant.BOTTLENECK, 1.0).withProcesses(PROCESSES);

        assertThat(new GilDemo().expectedFinding(processes)).extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("PROCESS_SPAWN", "java", "paragent.demo.gil.");
        assertThat(new PoolDemo().expectedFinding(processes)).extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("IPC", "to child", "paragent.demo.pool.");
        assertThat(new SharedCounterDemo().expectedFinding(processes))
                .extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("LOCK_CONTENTION", "file lock", "paragent.demo.sharedcounter.");
        assertThat(new PipesDemo().expectedFinding(processes)).extracting("kind", "subjectContains", "whereClassPrefix")
                .containsExactly("IPC", "to child", "paragent.demo.pipes.");
    }

    private static DemoResult run(String demo, Variant variant, double scale) throws InterruptedException {
        DemoResult result = run(demo, DemoConfig.of(PROCESSES, variant, scale).withProcesses(PROCESSES));
        assertThat(result.metrics()).containsKeys("pipeBlockedMillis", "pipeBytes");
        assertThat(Long.parseLong(result.metrics().get("pipeBlockedMillis"))).isNotNegative();
        return result;
    }

    private static DemoResult run(String demo, DemoConfig config) throws InterruptedException {
        return Demos.byName(demo).orElseThrow().run(config);
    }

    private static long pipeBytes(DemoResult result) {
        return Long.parseLong(result.metrics().get("pipeBytes"));
    }

    private static List<Path> counterFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("shared-counter"))
                    .collect(Collectors.toList());
        }
    }

    /** The sum of the pipes demo's work over all items, computed here from its definition. */
    private static String expectedPipesSum(double scale) {
        long items = Math.round(PipesDemo.DEFAULT_ITEMS_PER_ROUND * scale) * PipesDemo.ROUNDS;
        long sum = 0;
        for (long index = 0; index < items; index++) {
            long z = splitMix(index * 0x9E3779B97F4A7C15L);
            for (int i = 0; i < PipesDemo.WORK_STEPS; i++) {
                z = splitMix(z + 0x9E3779B97F4A7C15L);
            }
            sum += z;
        }
        return Long.toHexString(sum);
    }

    private static long splitMix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
