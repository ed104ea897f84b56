package paragent.analyzer.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;

/**
 * Real contended and uncontended workloads recorded with JFR in the test JVM. Each recording is made
 * once per test run and shared (the recordings are read-only). Thread-safe: creation is synchronized.
 */
public final class Workloads {

    /** How long each worker thread runs its loop. */
    static final long RUN_NANOS = 700_000_000L;
    static final int THREADS = 4;
    /** The name one worker of the monitor workload gets, to prove renderers escape recorded strings. */
    public static final String HOSTILE_THREAD_NAME = "<script>alert(1)</script>";

    private static final Path DIR = createDir();
    private static Path monitorContention;
    private static Path paragentLockContention;
    private static Path plainLockContention;
    private static Path uncontended;

    private static volatile long sink;

    private Workloads() {
    }

    /** 4 threads on one {@code synchronized} counter, JDK events only (a plain recording). */
    public static synchronized Path monitorContention() throws Exception {
        if (monitorContention == null) {
            SharedCounter counter = new SharedCounter();
            monitorContention = record("monitor.jfr", false, i -> {
                long end = System.nanoTime() + RUN_NANOS;
                while (System.nanoTime() < end) {
                    counter.increment();
                }
            });
        }
        return monitorContention;
    }

    /** 4 threads on one ReentrantLock, with paragent's LockWait, LockSummary, ThreadTimes and RunInfo. */
    public static synchronized Path paragentLockContention() throws Exception {
        if (paragentLockContention == null) {
            InstrumentedLock lock = new InstrumentedLock();
            paragentLockContention = record("paragent-lock.jfr", true, i -> {
                long end = System.nanoTime() + RUN_NANOS;
                while (System.nanoTime() < end) {
                    lock.lockedWork();
                }
                lock.flushHistogram();
            });
            // emitted after the workers: the recording is still running until record() stops it
        }
        return paragentLockContention;
    }

    /** 4 threads on one ReentrantLock, JDK events only: the waits appear as jdk.ThreadPark. */
    public static synchronized Path plainLockContention() throws Exception {
        if (plainLockContention == null) {
            ReentrantLock lock = new ReentrantLock();
            plainLockContention = record("plain-lock.jfr", false, i -> {
                long end = System.nanoTime() + RUN_NANOS;
                while (System.nanoTime() < end) {
                    PlainLockUser.lockedWork(lock);
                }
            });
        }
        return plainLockContention;
    }

    /** 4 threads doing local work, started together by a latch. */
    public static synchronized Path uncontended() throws Exception {
        if (uncontended == null) {
            uncontended = record("uncontended.jfr", true, i -> {
                long end = System.nanoTime() + RUN_NANOS / 2;
                long local = 0;
                while (System.nanoTime() < end) {
                    local += work(50);
                }
                sink = local;
            });
        }
        return uncontended;
    }

    /** A workload body, run by worker {@code index}. */
    interface Body {
        void run(int index) throws Exception;
    }

    private static Path record(String fileName, boolean paragent, Body body) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadContentionMonitoringEnabled(true);
        Path file = DIR.resolve(fileName);
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofNanos(10_000)).withStackTrace();
            recording.enable("jdk.JavaMonitorWait").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofNanos(paragent ? 1_000_000 : 10_000))
                    .withStackTrace();
            recording.enable("jdk.ThreadSleep").withThreshold(Duration.ofMillis(1));
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(200));
            recording.enable("jdk.ThreadStart");
            recording.enable("jdk.ThreadEnd");
            recording.enable("jdk.JVMInformation");
            recording.enable("jdk.CPUInformation");
            recording.enable("jdk.ActiveSetting");
            if (paragent) {
                recording.enable("paragent.LockWait").withThreshold(Duration.ofNanos(10_000)).withStackTrace();
                recording.enable("paragent.LockSummary");
                recording.enable("paragent.ThreadTimes");
                recording.enable("paragent.RunInfo");
            }
            recording.start();
            if (paragent) {
                ParagentEvents.RunInfo info = new ParagentEvents.RunInfo();
                info.agentVersion = "test";
                info.options = "";
                info.command = "paragent.analyzer.testing.Workloads " + fileName;
                info.pid = ProcessHandle.current().pid();
                info.availableProcessors = Runtime.getRuntime().availableProcessors();
                info.lockWaitThresholdNanos = 10_000;
                info.monitorThresholdNanos = 10_000;
                info.samplePeriodMillis = 10;
                info.commit();
            }
            runWorkers(body, paragent, fileName.startsWith("monitor"));
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void runWorkers(Body body, boolean emitThreadTimes, boolean hostileName) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            String name = hostileName && i == 0 ? HOSTILE_THREAD_NAME : "worker-" + i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    body.run(index);
                    if (emitThreadTimes) {
                        emitThreadTimes();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, name);
            threads.add(t);
            t.start();
        }
        Thread.sleep(50);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("workload failed", failures.get(0));
        }
    }

    private static void emitThreadTimes() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadInfo info = mx.getThreadInfo(Thread.currentThread().getId());
        ParagentEvents.ThreadTimes e = new ParagentEvents.ThreadTimes();
        e.thread = Thread.currentThread();
        e.cpuNanos = mx.getCurrentThreadCpuTime();
        e.userNanos = mx.getCurrentThreadUserTime();
        e.blockedNanos = info.getBlockedTime() * 1_000_000L;
        e.blockedCount = info.getBlockedCount();
        e.waitedNanos = info.getWaitedTime() * 1_000_000L;
        e.waitedCount = info.getWaitedCount();
        e.commit();
    }

    /** A few microseconds of CPU work. */
    static long work(int rounds) {
        long x = 17;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    private static Path createDir() {
        try {
            Path dir = Files.createTempDirectory("paragent-analyzer-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A counter behind {@code synchronized}: the planted monitor contention. */
    public static final class SharedCounter {
        private long count;

        synchronized void increment() {
            count += work(200) & 1;
        }
    }

    /** Holds a ReentrantLock the plain way: its waits show up only as jdk.ThreadPark. */
    public static final class PlainLockUser {
        private static long count;

        static void lockedWork(ReentrantLock lock) {
            lock.lock();
            try {
                count += work(200) & 1;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A ReentrantLock whose slow path emits paragent.LockWait and aggregates paragent.LockSummary. */
    public static final class InstrumentedLock {
        private final OwnerLock lock = new OwnerLock();
        private final Histogram waitNanos = new Histogram(3);
        private final ThreadLocal<Histogram> local = ThreadLocal.withInitial(() -> new Histogram(3));
        private final AtomicLong waits = new AtomicLong();
        private final AtomicLong totalWaitNanos = new AtomicLong();
        private long count;

        void lockedWork() {
            acquire();
            try {
                count += work(200) & 1;
            } finally {
                lock.unlock();
            }
        }

        private void acquire() {
            if (lock.tryLock()) {
                return;
            }
            ParagentEvents.LockWait event = new ParagentEvents.LockWait();
            Thread holder = lock.owner();
            event.begin();
            long t0 = System.nanoTime();
            lock.lock();
            long waited = System.nanoTime() - t0;
            event.end();
            waits.incrementAndGet();
            totalWaitNanos.addAndGet(waited);
            local.get().recordValue(waited);
            if (event.shouldCommit()) {
                event.lockClass = "java.util.concurrent.locks.ReentrantLock";
                event.syncClass = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
                event.lockId = System.identityHashCode(lock);
                event.holder = holder;
                event.commit();
            }
        }

        /** Each worker adds its waits; the last one to finish emits the summary. */
        void flushHistogram() {
            lock.lock();
            try {
                waitNanos.add(local.get());
                if (lock.finished.incrementAndGet() == THREADS) {
                    ByteBuffer buffer = ByteBuffer.allocate(waitNanos.getNeededByteBufferCapacity());
                    int length = waitNanos.encodeIntoCompressedByteBuffer(buffer);
                    ParagentEvents.LockSummary summary = new ParagentEvents.LockSummary();
                    summary.lockClass = "java.util.concurrent.locks.ReentrantLock";
                    summary.syncClass = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
                    summary.lockId = System.identityHashCode(lock);
                    summary.waits = waits.get();
                    summary.waitNanos = totalWaitNanos.get();
                    summary.maxWaitNanos = waitNanos.getMaxValue();
                    summary.histogram = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
                    summary.commit();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Exposes the owner, as paragent's advice reads it from AQS. */
    static final class OwnerLock extends ReentrantLock {
        private static final long serialVersionUID = 1L;
        final AtomicLong finished = new AtomicLong();

        Thread owner() {
            return getOwner();
        }
    }
}
