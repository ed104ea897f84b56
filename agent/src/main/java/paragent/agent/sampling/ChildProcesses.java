package paragent.agent.sampling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import paragent.agent.bootstrap.ProcessExitEvent;
import paragent.agent.bootstrap.ProcessSpawnSink;
import paragent.agent.internal.Log;

/**
 * Follows the child processes the program starts and writes one {@link ProcessExitEvent} for
 * each: when the JDK's process reaper sees it exit, or at recording end while it still runs.
 * Between the two, the sampling thread reads each child's CPU from {@code /proc/<pid>/stat}
 * ({@code utime + stime}, in clock ticks of 10 ms: Linux exposes them in {@code USER_HZ}, which is
 * 100 on every mainstream architecture; assumed, not read, since Java cannot call
 * {@code sysconf}). A child that exits between two samples reports its last reading, or -1 when
 * it never lived through one.
 *
 * <p>Nothing is done to the application's {@code Process}: the exit is observed as a dependent
 * of the JDK's own exit-status future (see {@code ProcessSpawns}), so the callback runs in the
 * JDK's reaper thread, writes one event and never blocks or runs application code.
 *
 * <p>Memory: at most {@link #MAX_TRACKED} live children are followed (about 200 bytes each plus
 * the command); children started while that many are live get a {@code ProcessSpawn} but no
 * {@code ProcessExit}, and the first such child is reported on stderr once.
 *
 * <p>Thread-safety: {@link #spawned} runs in application threads, exits in the JDK's reaper
 * threads, {@link #sampleCpu} in the sampling thread and {@link #recordingEnds} in JFR's
 * end-of-chunk hook. The map is concurrent, and whichever of them removes a child from it writes
 * that child's one event.
 */
public final class ChildProcesses implements ProcessSpawnSink {

    /** Most children followed at once. */
    static final int MAX_TRACKED = 10_000;
    /** One clock tick of {@code /proc/<pid>/stat}, for {@code USER_HZ} = 100. */
    static final long NANOS_PER_TICK = 10_000_000L;
    /** Fields of {@code /proc/<pid>/stat} counted from the one after the command's ')'. */
    private static final int UTIME_FIELD = 11;
    private static final int STIME_FIELD = 12;

    private final ConcurrentMap<Long, Child> children = new ConcurrentHashMap<>();
    private final ProcText text = new ProcText();
    private final AtomicBoolean overflowReported = new AtomicBoolean();
    private volatile boolean ended;

    /** One child being followed. */
    private static final class Child {
        final long pid;
        final String command;
        final long spawnedNanos;
        final Path stat;
        volatile long cpuNanos = -1;

        Child(long pid, String command, long spawnedNanos) {
            this.pid = pid;
            this.command = command;
            this.spawnedNanos = spawnedNanos;
            this.stat = Path.of("/proc", Long.toString(pid), "stat");
        }
    }

    @Override
    public void spawned(Process process, String command, long spawnedNanos, CompletableFuture<Integer> exitStatus) {
        if (ended) {
            return;
        }
        if (children.size() >= MAX_TRACKED) {
            if (overflowReported.compareAndSet(false, true)) {
                Log.line("more than " + MAX_TRACKED + " live child processes: the exits of the others are not recorded");
            }
            return;
        }
        Child child = new Child(process.pid(), command, spawnedNanos);
        children.put(child.pid, child);
        if (exitStatus != null) {
            exitStatus.whenComplete((status, failure) -> exited(child, status != null ? status : -1));
        } else if (!process.isAlive()) {
            // Reaped before the start call returned. The application has not seen this Process
            // yet, so nothing of it can hold the Process's lock and exitValue() cannot wait.
            exited(child, process.exitValue());
        } else {
            // The JDK's exit-status futures cannot be read here: this child cannot be followed.
            children.remove(child.pid, child);
        }
    }

    /** Reads the CPU of every live child; called from the sampling thread only. */
    public void sampleCpu() {
        for (Child child : children.values()) {
            try {
                if (text.read(child.stat)) {
                    int fields = text.after(')');
                    long utime = text.field(fields, UTIME_FIELD);
                    long stime = text.field(fields, STIME_FIELD);
                    if (utime >= 0 && stime >= 0) {
                        child.cpuNanos = (utime + stime) * NANOS_PER_TICK;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // It has just exited; its last reading stands.
            }
        }
    }

    /** Writes every child still alive as still running, and stops following children. */
    public void recordingEnds() {
        ended = true;
        long now = System.nanoTime();
        for (Child child : children.values()) {
            if (children.remove(child.pid, child)) {
                write(child, 0, true, now);
            }
        }
    }

    private void exited(Child child, int exitCode) {
        try {
            if (children.remove(child.pid, child)) {
                write(child, exitCode, false, System.nanoTime());
            }
        } catch (Throwable t) {
            // Runs in the JDK's reaper thread: nothing may escape.
        }
    }

    private static void write(Child child, int exitCode, boolean stillRunning, long nowNanos) {
        ProcessExitEvent event = new ProcessExitEvent();
        event.pid = child.pid;
        event.command = child.command;
        event.exitCode = exitCode;
        event.stillRunning = stillRunning;
        event.lifetimeNanos = nowNanos - child.spawnedNanos;
        event.cpuNanos = child.cpuNanos;
        event.commit();
    }
}
