package paragent.agent.recording;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import jdk.jfr.Recording;
import paragent.agent.bootstrap.LockWaits;

/**
 * What recording one contended {@code java.util.concurrent} wait costs the waiter, in CPU time of
 * the calling thread, without the wait itself (docs/PERFORMANCE.md, "Lock-wait recording"): the
 * {@link LockWaits} hooks around nothing, every wait counted by the {@link LockAggregator} and
 * written as an event (threshold 0: {@code paragent.LockWait} with its stack trace for the waits
 * the thread's sampler picks, {@code paragent.LockWaitNoStack} for the others, as the agent
 * records them), called from {@value #DEPTH} frames deep as an application's lock call would be.
 * Argument {@code off}: no recording, the hooks and the aggregator alone. Runs against older agent
 * builds too (their hooks have the same signatures; there every event has a stack trace). A
 * {@code main} for measurements, not a test.
 */
public final class LockWaitCost {

    private static final int WAITS = 200_000;
    private static final int ROUNDS = 8;
    private static final int DEPTH = 24;

    private LockWaitCost() {
    }

    /** A synchronizer the hooks can name and read the owner of. */
    private static final class Sync extends AbstractQueuedSynchronizer {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "on" : args[0];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Recording recording = new Recording()) {
            recording.enable("paragent.LockWait").withThreshold(java.time.Duration.ZERO).withStackTrace();
            recording.enable("paragent.LockWaitNoStack").withThreshold(java.time.Duration.ZERO).withoutStackTrace();
            recording.setToDisk(true);
            if (!mode.equals("off")) {
                recording.start();
            }
            LockAggregator aggregator = new LockAggregator();
            LockWaits.install(aggregator);
            Sync sync = new Sync();
            for (int round = 1; round <= ROUNDS; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                long n = deep(DEPTH, sync);
                long end = cpu.getCurrentThreadCpuTime();
                aggregator.emit();
                System.out.printf("round %d: %s %.1f ns/wait (%d)%n", round, mode,
                        (end - start) / (double) WAITS, n);
            }
            LockWaits.install(null);
        }
    }

    private static long deep(int depth, Object sync) {
        if (depth > 0) {
            return deep(depth - 1, sync) + 1;
        }
        for (int i = 0; i < WAITS; i++) {
            Object token = LockWaits.begin(sync);
            LockWaits.end(token, sync, false);
        }
        return 0;
    }
}
