package paragent.demo.sharedcounter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.Worker;

/**
 * {@code shared-counter}, after the seed's {@code mul_var.py}: workers increment one shared
 * counter a fixed total number of times, doing some private work between increments.
 *
 * <p>Bottleneck: every increment takes one shared lock ({@link SharedCounter}'s monitor, or a
 * {@link java.util.concurrent.locks.ReentrantLock} with {@code --lock reentrant}) and does
 * {@code --critical} mixing steps inside it; with the defaults, 4 threads on 2 cores mostly block.
 * A small {@code --critical} and {@code --outside} make the section short and hot, so threads spin
 * instead. Fixed: a {@link java.util.concurrent.atomic.LongAdder}. Result: the final count, which
 * is the total number of increments in both variants.
 *
 * <p>{@code --measure-contention} enables thread contention monitoring and reports
 * {@code metric.blockedMillis} (the workers' {@code ThreadInfo.getBlockedTime()}, summed) and,
 * for {@code --lock reentrant}, {@code metric.lockWaitMillis} (time in {@code lock()}, summed).
 * With {@code --processes N}, worker JVMs increment a memory-mapped counter file under a file lock
 * instead ({@link SharedCounterProcesses}; {@code --lock} and {@code --measure-contention} apply to
 * the thread mode only). Stateless; see {@link Demo}.
 */
public final class SharedCounterDemo implements Demo {

    /** Increments at scale 1. */
    public static final long DEFAULT_INCREMENTS = 1_400_000L;
    /**
     * Increments at scale 1 in the process mode: a file lock handed between processes costs tens of
     * microseconds, so the process mode does fewer to run a few seconds too. Its count is the
     * thread mode's at {@code --scale 0.285714} (2/7): enough that the workers' contention, not their
     * JVMs' start, is what a profile of the bottleneck shows.
     */
    public static final long DEFAULT_PROCESS_INCREMENTS = 400_000L;
    /** Mixing steps inside the lock per increment. */
    public static final int DEFAULT_CRITICAL_STEPS = 1_000;
    /** Mixing steps outside the lock per increment. */
    public static final int DEFAULT_OUTSIDE_STEPS = 100;

    static final DemoOption LOCK = DemoOption.choice("lock",
            "the shared lock of the bottleneck variant", "synchronized", "reentrant");
    static final DemoOption CRITICAL = DemoOption.intOption("critical", 0, DEFAULT_CRITICAL_STEPS,
            "mixing steps inside the lock per increment");
    static final DemoOption OUTSIDE = DemoOption.intOption("outside", 0, DEFAULT_OUTSIDE_STEPS,
            "mixing steps outside the lock per increment");
    static final DemoOption MEASURE_CONTENTION = DemoOption.flag("measure-contention",
            "report metric.blockedMillis (and metric.lockWaitMillis for --lock reentrant)");

    private static final String WHERE_PREFIX = "paragent.demo.sharedcounter.";

    @Override
    public String name() {
        return "shared-counter";
    }

    @Override
    public String description() {
        return "one counter incremented under one shared lock (fixed: LongAdder)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(LOCK, CRITICAL, OUTSIDE, MEASURE_CONTENTION);
    }

    @Override
    public Optional<Worker> worker() {
        return Optional.of(new SharedCounterProcesses());
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        if (config.isProcessMode()) {
            return ExpectedFinding.lockContention("file lock", WHERE_PREFIX);
        }
        String subject = isReentrant(config) ? "java.util.concurrent.locks.ReentrantLock" : "SharedCounter";
        return ExpectedFinding.lockContention(subject, WHERE_PREFIX);
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long increments = config.scaled(config.isProcessMode() ? DEFAULT_PROCESS_INCREMENTS : DEFAULT_INCREMENTS);
        int criticalSteps = CRITICAL.intValue(config);
        int outsideSteps = OUTSIDE.intValue(config);
        if (config.isProcessMode()) {
            return SharedCounterProcesses.run(config, increments, criticalSteps, outsideSteps);
        }
        boolean measure = MEASURE_CONTENTION.isSet(config);
        Counter counter = newCounter(config, criticalSteps, measure);

        ThreadMXBean threadBean = measure ? enableContentionMonitoring() : null;
        LongAdder blockedMillis = new LongAdder();
        AtomicLong checksum = new AtomicLong();
        int threads = config.threads();
        long wallNanos = Workers.runAll(name(), threads, index -> {
            long share = Workers.shareOf(increments, threads, index);
            long state = index + 1;
            for (long i = 0; i < share; i++) {
                state = Mixer.mix(state, outsideSteps);
                state = counter.increment(state);
            }
            checksum.accumulateAndGet(state, (a, b) -> a ^ b); // keeps the private work observable
            if (threadBean != null) {
                blockedMillis.add(threadBean.getThreadInfo(Thread.currentThread().getId()).getBlockedTime());
            }
        });

        Map<String, String> metrics = new LinkedHashMap<>();
        if (threadBean != null) {
            metrics.put("blockedMillis", Long.toString(blockedMillis.sum()));
            if (counter instanceof ReentrantLockCounter) {
                metrics.put("lockWaitMillis", Long.toString(((ReentrantLockCounter) counter).lockWaitNanos() / 1_000_000L));
            }
        }
        return new DemoResult(wallNanos, Long.toString(counter.count()), metrics);
    }

    private static boolean isReentrant(DemoConfig config) {
        return LOCK.value(config).equals("reentrant");
    }

    private static Counter newCounter(DemoConfig config, int criticalSteps, boolean measure) {
        if (config.variant() == Variant.FIXED) {
            return new AdderCounter(criticalSteps);
        }
        return isReentrant(config) ? new ReentrantLockCounter(criticalSteps, measure) : new SharedCounter(criticalSteps);
    }

    private static ThreadMXBean enableContentionMonitoring() {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        if (!threadBean.isThreadContentionMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not support thread contention monitoring");
        }
        threadBean.setThreadContentionMonitoringEnabled(true);
        return threadBean;
    }
}
