package paragent.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under recording one contended wait or one executor task, without any agent: what a
 * clock read costs, what one JFR event without a stack trace costs (new, begin, fields, end,
 * commit, as {@code paragent.LockWaitNoStack} is written), and the two together as one recorded
 * wait needs them (the wait's own two clock reads for the exact totals, then the event). Not an
 * instrumented path: run it with JMH's own runner, {@code bench/floors.sh}
 * (docs/PERFORMANCE.md, "The floors under the budgets").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordingFloorBenchmark {

    /** Shaped like {@code paragent.LockWaitNoStack}: the same field types, no stack trace. */
    @Name("paragent.bench.FloorEvent")
    @Label("Floor Event")
    @Description("The event the recording floor benchmark commits")
    @Category("paragent bench")
    @StackTrace(false)
    static final class FloorEvent extends Event {
        @Label("Lock Class")
        String lockClass;
        @Label("Sync Class")
        String syncClass;
        @Label("Lock Id")
        int lockId;
        @Label("Holder")
        Thread holder;
        @Label("Shared")
        boolean shared;
    }

    private Recording recording;
    private int lockId;

    /** Starts a recording that keeps every {@link FloorEvent}, as the agent's threshold would. */
    @Setup(Level.Trial)
    public void start() {
        recording = new Recording();
        recording.enable(FloorEvent.class).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.setToDisk(true);
        recording.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        recording.close();
    }

    /** One {@code System.nanoTime()}. */
    @Benchmark
    public long clockRead() {
        return System.nanoTime();
    }

    /** One event without a stack trace, written. */
    @Benchmark
    public void eventWithoutStack() {
        commit(++lockId);
    }

    /** Two clock reads around one such event: the least one recorded wait needs. */
    @Benchmark
    public long recordedWait() {
        long start = System.nanoTime();
        commit(++lockId);
        return System.nanoTime() - start;
    }

    private static void commit(int lockId) {
        FloorEvent event = new FloorEvent();
        event.begin();
        event.lockId = lockId;
        event.lockClass = "java.util.concurrent.locks.ReentrantLock";
        event.syncClass = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
        event.holder = Thread.currentThread();
        event.end();
        if (event.shouldCommit()) {
            event.commit();
        }
    }
}
