package paragent.agent.sampling;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import paragent.agent.bootstrap.SchedStatEvent;

/**
 * Writes {@link SchedStatEvent}s: for every task of the JVM (Java threads and the JVM's own), the
 * three cumulative counters of {@code /proc/self/task/<tid>/schedstat}: time on a CPU, time
 * runnable but waiting for a CPU, timeslices. The run-queue wait is what no JVM API reports.
 *
 * <p>Cost: a sample lists {@code /proc/self/task} (one string per task) and reads each task's
 * file with one positional read into a reused buffer. The file of each task stays open between
 * samples, for at most {@link #MAX_OPEN_FILES} tasks (so the agent never takes more than that
 * many of the program's file descriptors); tasks beyond it are opened, read and closed each
 * time. The period is {@link #BASE_PERIOD_MILLIS}, longer when there are so many tasks that
 * more than {@link #MAX_EVENTS_PER_SECOND} events per second would be written. Measured cost:
 * docs/PERFORMANCE.md, "SchedStat sampler".
 *
 * <p>Where schedstat cannot be read (not Linux, no {@code /proc}, counters that stay 0) nothing
 * is written and {@link #basePeriodMillis()} is 0.
 *
 * <p>Thread-safety: {@link #sampleAll} is synchronized on this sampler, which the application
 * never sees; it is called by the agent's sampling thread and by JFR's end-of-chunk hook.
 * {@link #emitExitingThread} shares no state and runs concurrently in exiting threads.
 */
public final class SchedStatSampler {

    /** Period of the samples while the JVM has at most 250 tasks. */
    public static final long BASE_PERIOD_MILLIS = 100;
    /** The period grows so that the samples write at most this many events per second. */
    static final int MAX_EVENTS_PER_SECOND = 2_500;
    /** Most schedstat files kept open between samples. */
    static final int MAX_OPEN_FILES = 512;

    /**
     * System property: where the proc file system is (default {@code /proc}). The tests' hook for
     * a system without schedstat: a directory without it makes the sampler write nothing.
     */
    public static final String PROC_PROPERTY = "paragent.proc";

    private static final Path PROC = Path.of(System.getProperty(PROC_PROPERTY, "/proc"));
    private static final File TASKS = PROC.resolve("self/task").toFile();
    private static final Path THREAD_SELF = PROC.resolve("thread-self");

    private final boolean readable;
    private final ProcText text = new ProcText();
    /** The tasks of the last sample, sorted, and their open files (null where not kept open). */
    private long[] tids = new long[0];
    private FileChannel[] files = new FileChannel[0];
    private int tasks;
    /** Scratch arrays of the next sample, swapped with the two above. */
    private long[] nextTids = new long[0];
    private FileChannel[] nextFiles = new FileChannel[0];
    private int openFiles;
    private volatile long periodMillis = BASE_PERIOD_MILLIS;

    private SchedStatSampler(boolean readable) {
        this.readable = readable;
    }

    /** A sampler that writes nothing when schedstat cannot be read here. */
    public static SchedStatSampler create() {
        return new SchedStatSampler(canRead());
    }

    /** The period written to {@code paragent.RunInfo}: {@link #BASE_PERIOD_MILLIS}, 0 when unreadable. */
    public long basePeriodMillis() {
        return readable ? BASE_PERIOD_MILLIS : 0;
    }

    /** How long to wait before the next sample, given how many tasks the last one found. */
    public long periodMillis() {
        return periodMillis;
    }

    /** Writes one event for every task of the JVM. Never throws. */
    public synchronized void sampleAll() {
        if (!readable) {
            return;
        }
        String[] names = TASKS.list();
        if (names == null) {
            return;
        }
        followTasks(names);
        for (int i = 0; i < tasks; i++) {
            emit(i);
        }
        periodMillis = Math.max(BASE_PERIOD_MILLIS, tasks * 1000L / MAX_EVENTS_PER_SECOND);
    }

    /**
     * Writes the calling thread's final counters; called by each thread as it exits, through
     * {@code /proc/thread-self}, whose link target ends in the thread's tid. Never throws.
     */
    public void emitExitingThread() {
        if (!readable) {
            return;
        }
        try {
            long tid = Long.parseLong(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
            ProcText own = new ProcText();
            if (own.read(THREAD_SELF.resolve("schedstat"))) {
                commit(tid, own);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to write: the thread's last periodic values stand.
        }
    }

    /** Makes {@link #tids} and {@link #files} describe the listed tasks, keeping open files. */
    private void followTasks(String[] names) {
        if (nextTids.length < names.length) {
            nextTids = new long[names.length * 2];
            nextFiles = new FileChannel[names.length * 2];
        }
        int count = 0;
        for (String name : names) {
            try {
                nextTids[count] = Long.parseLong(name);
                count++;
            } catch (NumberFormatException e) {
                // Not a task directory.
            }
        }
        Arrays.sort(nextTids, 0, count);
        int old = 0;
        for (int i = 0; i < count; i++) {
            while (old < tasks && tids[old] < nextTids[i]) {
                close(old++);
            }
            boolean known = old < tasks && tids[old] == nextTids[i];
            nextFiles[i] = known ? files[old] : null;
            if (known) {
                files[old++] = null;
            }
        }
        while (old < tasks) {
            close(old++);
        }
        long[] swapTids = tids;
        tids = nextTids;
        nextTids = swapTids;
        FileChannel[] swapFiles = files;
        files = nextFiles;
        nextFiles = swapFiles;
        tasks = count;
    }

    private void emit(int task) {
        try {
            if (readTask(task)) {
                commit(tids[task], text);
            }
        } catch (IOException | RuntimeException e) {
            // The task ended while being read.
        }
    }

    /** Reads a task's file into {@link #text}, through its open file where there is one. */
    private boolean readTask(int task) throws IOException {
        FileChannel file = files[task];
        if (file != null) {
            try {
                if (text.read(file)) {
                    return true;
                }
            } catch (IOException e) {
                // That task ended; a new one may have been given its tid: reopen below.
            }
            close(task);
        }
        Path path = TASKS.toPath().resolve(Long.toString(tids[task])).resolve("schedstat");
        if (openFiles >= MAX_OPEN_FILES) {
            return text.read(path);
        }
        files[task] = FileChannel.open(path);
        openFiles++;
        return text.read(files[task]);
    }

    private void close(int task) {
        FileChannel file = files[task];
        if (file == null) {
            return;
        }
        files[task] = null;
        openFiles--;
        try {
            file.close();
        } catch (IOException e) {
            // Closing a /proc file cannot lose anything.
        }
    }

    private static void commit(long tid, ProcText counters) {
        SchedStatEvent event = new SchedStatEvent();
        event.tid = tid;
        event.runNanos = counters.field(0, 0);
        event.runQueueNanos = counters.field(0, 1);
        event.timeslices = counters.field(0, 2);
        event.commit();
    }

    /** Whether this thread's schedstat can be read and counts something. */
    private static boolean canRead() {
        try {
            ProcText own = new ProcText();
            return TASKS.isDirectory() && own.read(THREAD_SELF.resolve("schedstat")) && own.field(0, 0) > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
