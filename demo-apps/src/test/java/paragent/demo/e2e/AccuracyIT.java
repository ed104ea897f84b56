package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * paragent's measurements agree with the program's own within {@link #TOLERANCE}: blocked time
 * against {@code ThreadMXBean}, j.u.c. lock wait against the time the program spent in
 * {@code lock()}, the workers' run-queue wait against each worker's own schedstat reading; and
 * executor task counts are exact. A failing measurement is repeated once (the machine is noisy).
 */
class AccuracyIT {

    static final double TOLERANCE = 0.10;
    static final String WORKER_PREFIX = "shared-counter-worker-";

    @Test
    void blockedTimeOfWorkersMatchesThreadMXBean(@TempDir Path dir) throws Exception {
        measure(dir, List.of("shared-counter", "--threads", "4", "--lock", "synchronized", "--measure-contention"),
                "blockedMillis", summary -> ForkedRun.sumThreadSeconds(summary, WORKER_PREFIX, "blocked"));
    }

    @Test
    void reentrantLockWaitMatchesTheProgramsOwnMeasurement(@TempDir Path dir) throws Exception {
        measure(dir, List.of("shared-counter", "--threads", "4", "--lock", "reentrant", "--measure-contention"),
                "lockWaitMillis", AccuracyIT::reentrantLockSeconds);
    }

    @Test
    void runQueueWaitOfOversubscribedWorkersMatchesTheirOwnSchedstat(@TempDir Path dir) throws Exception {
        // 8 busy threads on 2 cores; each worker reads its own /proc/thread-self/schedstat.
        if (!Files.isReadable(Path.of("/proc/thread-self/schedstat"))) {
            String missing = "run-queue wait needs Linux with /proc/<pid>/task/<tid>/schedstat (a kernel with"
                    + " CONFIG_SCHED_INFO, as every Debian kernel has)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing + "; CI must have it");
            }
            Assumptions.abort(missing + "; skipped on this machine");
        }
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        measure(dir, List.of("oversubscribe", "--threads", Integer.toString(threads), "--variant", "bottleneck"),
                "runQueueMillis",
                summary -> ForkedRun.sumThreadSeconds(summary, "oversubscribe-worker-", "waitingForCpu"));
    }

    @Test
    void executorTaskCountsAreExact(@TempDir Path dir) throws Exception {
        for (String variant : List.of("bottleneck", "fixed")) {
            Path out = Files.createDirectories(dir.resolve(variant));
            ForkedRun run = ForkedRun.demoUnderAgent(out, List.of("pool", "--threads", "2", "--variant", variant));
            assertThat(run.exitCode).as(run.toString()).isZero();
            JsonNode summary = ForkedRun.summaryIn(out);
            JsonNode pool = null;
            for (JsonNode executor : summary.path("executors")) {
                if (executor.path("name").asText().equals("pool-worker-N")) {
                    pool = executor;
                }
            }
            assertThat(pool).as(summary.path("executors").toString()).isNotNull();
            assertThat(pool.path("tasks").asLong()).as(variant).isEqualTo(run.metric("tasks"));
            assertThat(pool.path("submits").asLong()).as(variant).isEqualTo(run.metric("tasks"));
            assertThat(pool.path("creationSite").asText()).startsWith("paragent.demo.");
            assertThat(pool.path("submitSite").asText()).startsWith("paragent.demo.pool.PoolDemo.");
        }
    }

    @Test
    void pipeTimeOfTheParentMatchesItsOwnMeasurement(@TempDir Path dir) throws Exception {
        measure(dir, List.of("pool", "--processes", "2", "--variant", "bottleneck"), "pipeBlockedMillis",
                summary -> workerPipes(summary).mapToDouble(c -> c.path("readSeconds").asDouble()
                        + c.path("writeSeconds").asDouble()).sum());
    }

    @Test
    void pipeBytesPerChannelAreExact(@TempDir Path dir) throws Exception {
        for (List<String> args : List.of(List.of("pool", "--processes", "2", "--variant", "bottleneck"),
                List.of("pipes", "--threads", "2", "--variant", "bottleneck"))) {
            Path out = Files.createDirectories(dir.resolve(args.get(0)));
            ForkedRun run = ForkedRun.demoUnderAgent(out, args);
            assertThat(run.exitCode).as(run.toString()).isZero();
            JsonNode summary = ForkedRun.summaryIn(out);
            assertThat(workerPipes(summary).count()).as(summary.path("ipc").toString()).isEqualTo(4);
            long bytes = workerPipes(summary).mapToLong(c -> c.path("stream").asText().equals("stdin")
                    ? c.path("bytesWritten").asLong() : c.path("bytesRead").asLong()).sum();
            assertThat(bytes).as(String.join(" ", args)).isEqualTo((long) run.metric("pipeBytes"));
        }
    }

    /** The parent's ends of its workers' stdin and stdout pipes (stderr is inherited, not a pipe). */
    private static Stream<JsonNode> workerPipes(JsonNode summary) {
        return StreamSupport.stream(summary.path("ipc").path("channels").spliterator(), false)
                .filter(c -> c.path("side").asText().equals("parent")
                        && List.of("stdin", "stdout").contains(c.path("stream").asText()));
    }

    private static double reentrantLockSeconds(JsonNode summary) {
        double seconds = 0;
        for (JsonNode lock : summary.path("locks")) {
            if (lock.path("lockClass").asText().equals("java.util.concurrent.locks.ReentrantLock")) {
                seconds += lock.path("totalSeconds").asDouble();
            }
        }
        return seconds;
    }

    private static void measure(Path dir, List<String> args, String metric, ToDoubleFunction<JsonNode> paragentSeconds)
            throws Exception {
        String lastFailure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            Path out = Files.createDirectories(dir.resolve("attempt-" + attempt));
            ForkedRun run = ForkedRun.demoUnderAgent(out, args);
            assertThat(run.exitCode).as(run.toString()).isZero();
            double expectedSeconds = run.metric(metric) / 1000.0;
            double measuredSeconds = paragentSeconds.applyAsDouble(ForkedRun.summaryIn(out));
            System.out.printf("accuracy %s: paragent %.3f s, program %.3f s (attempt %d)%n", metric, measuredSeconds,
                    expectedSeconds, attempt);
            assertThat(expectedSeconds).as("the program measured no contention; " + run).isGreaterThan(0.1);
            if (Math.abs(measuredSeconds - expectedSeconds) <= TOLERANCE * expectedSeconds) {
                return;
            }
            lastFailure = String.format("paragent %.3f s vs %s %.3f s, outside ±%.0f%% (attempt %d)", measuredSeconds,
                    metric, expectedSeconds, TOLERANCE * 100, attempt);
        }
        throw new AssertionError(lastFailure);
    }
}
