package paragent.agent.recording;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the executor and serialization recording cost per task or call, in CPU time of the calling
 * thread, without an executor or a stream around them (docs/PERFORMANCE.md, "Executor
 * instrumentation"): one thread submits {@value #QUEUED} distinct tasks through the aggregator's
 * submit hooks, then runs them through its run hooks, as a one-worker pool would; and records one
 * top-level serialization call after another. Prints, per round, CPU ns per task, per call and per
 * {@code System.nanoTime()} read. A {@code main} for measurements, not a test; it uses only hooks
 * whose signatures are unchanged since issue 4, so it runs against older agent builds too.
 */
public final class RecordingCost {

    private static final int QUEUED = 100;
    private static final int TASKS = 2_000_000;
    private static final int ROUNDS = 8;

    private RecordingCost() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorAggregator executors = new ExecutorAggregator();
        SerializationAggregator serialization = new SerializationAggregator();
        SerializationAggregator.Call call = new SerializationAggregator.Call();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        Object[] tasks = new Object[QUEUED];
        Object written = java.time.Duration.ofSeconds(1);
        for (int round = 1; round <= ROUNDS; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < TASKS; i += QUEUED) {
                submitAndRun(executors, pool, tasks);
            }
            long executorEnd = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < TASKS; i++) {
                call.begin();
                serialization.record(true, written, call);
            }
            long serializationEnd = cpu.getCurrentThreadCpuTime();
            long sum = 0;
            for (int i = 0; i < TASKS; i++) {
                sum += System.nanoTime();
            }
            long clockEnd = cpu.getCurrentThreadCpuTime();
            executors.emit();
            serialization.emit();
            System.out.printf("round %d: executor %.1f ns/task, serialization %.1f ns/call, nanoTime %.1f ns/read (%d)%n",
                    round, perTask(executorEnd - start), perTask(serializationEnd - executorEnd),
                    perTask(clockEnd - serializationEnd), sum & 1);
        }
    }

    private static void submitAndRun(ExecutorAggregator executors, ThreadPoolExecutor pool, Object[] tasks) {
        for (int j = 0; j < QUEUED; j++) {
            Object task = new Object();
            tasks[j] = task;
            executors.submitEnd(pool, task, executors.submitBegin(pool, task), null);
        }
        for (int j = 0; j < QUEUED; j++) {
            executors.runEnd();
            executors.runStart(pool, tasks[j]);
        }
        executors.runEnd();
    }

    private static double perTask(long cpuNanos) {
        return cpuNanos / (double) TASKS;
    }
}
