package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.ThreadWait;

/**
 * {@link FindingKind#LOCK_CONTENTION}: worker time lost waiting for a lock, one finding per lock.
 * Stateless; thread-safe.
 *
 * <p>Lost time is the workers' recorded wait for the lock (blocked entering a monitor, parked on a
 * j.u.c. lock) plus estimated spinning. Spinning: a thread contending for a hot monitor spins at
 * full CPU; JFR records only the waits that end up blocking. On JDK 17 the spinning happens inside
 * the VM, where the execution sampler cannot see it; JDK 25's sampler can see it, at the line that
 * waits for the monitor (for an inlined synchronized method, at the line that calls it; see
 * {@link LockModel#samplesAtWaitSites}). So a worker's samples taken there are attributed to that
 * monitor (direct evidence: their share of its samples times its CPU time). A worker with few
 * such samples, fewer than the share of its CPU the sampler missed (the sampler does not see its
 * spinning; see {@link #SAMPLER_SEES_SPINNING_SHARE}), has its CPU time the sampler could not
 * account for ({@code cpuSeconds − samples × samplePeriod}) attributed to the monitors it contends
 * on, in proportion to its enter events on each, but only on strong evidence: many contended
 * enters on the thread, at a high rate per CPU-second, on monitors with many contended enters (see
 * the {@code MIN_*} constants). A thread's lost time never exceeds its lifetime.
 */
public final class LockContentionRule implements Rule {

    /** Locks losing less than this fraction of total worker time are not reported. */
    public static final double MIN_SHARE = 0.01;

    /**
     * Unsampled CPU is taken for spinning only when at least this fraction of a thread's CPU time
     * went unsampled; threads running ordinary Java code get about one sample per period.
     */
    public static final double MIN_UNSAMPLED_CPU_FRACTION = 0.2;

    /**
     * Spinning is estimated only for threads with at least this many contended monitor enters per
     * CPU-second. Unsampled CPU has other causes (JIT warm-up, the JDK 17 sampler's limit of a few
     * threads per period), so it takes a high rate of contended enters to call it spinning; a thread
     * spinning on a hot monitor showed ~90 per CPU-second at the 10 µs monitor threshold.
     */
    public static final double MIN_CONTENDED_ENTERS_PER_CPU_SECOND = 50;

    /**
     * When at least this share of a thread's samples are at lines waiting for a monitor, and that
     * share is at least the share of its CPU time the sampler missed, the sampler sees its spinning
     * (as JDK 25's can): its samples tell the whole story, and CPU time they missed is the sampler's
     * limit, not hidden spinning. A few samples at the line beside a large unsampled share are the
     * edge of the spinning the sampler missed: on {@code shared-counter} (2 threads, JDK 17 and 25)
     * one worker had 8-12% of its samples at the line and 37-55% of its CPU unsampled.
     */
    public static final double SAMPLER_SEES_SPINNING_SHARE = 0.05;

    /** Spinning is estimated only for threads with at least this many contended monitor enter events. */
    public static final long MIN_CONTENDED_ENTERS_FOR_SPIN = 20;

    /**
     * Spinning is attributed only to monitors with at least this many contended enter events in all:
     * a lock seen contended a handful of times never gets a finding from estimated spinning.
     */
    public static final long MIN_LOCK_ENTERS_FOR_SPIN = 20;

    /**
     * A {@code jdk.JavaMonitorEnter} threshold at or above this hides most short blocking (plain
     * JFR's default is 20 ms, paragent's 10 µs): only then is off-CPU time estimated as blocking.
     */
    public static final long COARSE_MONITOR_THRESHOLD_NANOS = 1_000_000L;
    /** Below-threshold blocking is estimated only for a monitor with at least this many recorded enters. */
    public static final long MIN_ENTERS_FOR_BELOW_THRESHOLD = 5;
    /**
     * Below-threshold blocking is estimated only when the workers used less than this fraction of the
     * machine's CPU: on a saturated machine, time off-CPU may be time waiting for a core.
     */
    public static final double MAX_CPU_UTILIZATION_FOR_BELOW_THRESHOLD = 0.95;

    private static final double NANOS_PER_SECOND = 1e9;

    @Override
    public FindingKind kind() {
        return FindingKind.LOCK_CONTENTION;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        double totalWorkerSeconds = ledger.totalWorkerSeconds();
        Map<Long, ThreadTime> workers = new HashMap<>();
        for (ThreadTime t : model.workers()) {
            workers.put(t.javaId(), t);
        }
        // lostSeconds.get(lock).get(thread): wait plus spin, before the per-thread lifetime cap.
        Map<LockModel, Map<Long, ThreadLoss>> lost = new LinkedHashMap<>();
        for (LockModel lock : model.locks()) {
            Map<Long, ThreadLoss> perThread = new HashMap<>();
            double scale = exactTotalScale(lock);
            for (ThreadWait w : lock.waiters()) {
                if (workers.containsKey(w.javaId())) {
                    perThread.computeIfAbsent(w.javaId(), id -> new ThreadLoss()).waitSeconds =
                            w.waitNanos() * scale / NANOS_PER_SECOND;
                }
            }
            lost.put(lock, perThread);
        }
        addSpinning(model, workers, lost);
        addBlockingBelowThreshold(model, workers, lost);
        capAtLifetime(workers, lost);
        claim(ledger, lost);

        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<LockModel, Map<Long, ThreadLoss>> e : lost.entrySet()) {
            double waitSeconds = 0;
            double spinSeconds = 0;
            double belowThresholdSeconds = 0;
            double spinSampledAtSiteSeconds = 0;
            for (ThreadLoss loss : e.getValue().values()) {
                waitSeconds += loss.waitSeconds;
                spinSeconds += loss.spinUnsampledSeconds + loss.spinSampledAtSiteSeconds;
                belowThresholdSeconds += loss.belowThresholdSeconds;
                spinSampledAtSiteSeconds += loss.spinSampledAtSiteSeconds;
            }
            double lostSeconds = waitSeconds + spinSeconds + belowThresholdSeconds;
            if (lostSeconds > 0 && lostSeconds / totalWorkerSeconds >= MIN_SHARE && !isRecorderLock(e.getKey())) {
                findings.add(finding(e.getKey(), e.getValue().size(), lostSeconds, spinSeconds,
                        spinSampledAtSiteSeconds, belowThresholdSeconds, model));
            }
        }
        return findings;
    }

    /**
     * Whether the lock is Flight Recorder's own ({@code jdk.jfr.*}): a thread waits for one when its
     * first event of a kind registers with the recorder while the recorder's periodic task holds
     * it. That is the profiler's cost, not the program's contention: its time is taken from the
     * ledger, so no other rule blames it on something else, but it is not reported as a finding.
     */
    static boolean isRecorderLock(LockModel lock) {
        return lock.key().lockClass() != null && lock.key().lockClass().startsWith("jdk.jfr.");
    }

    /** When exact totals (paragent.LockSummary) exceed the thresholded events, scale the events up. */
    private static double exactTotalScale(LockModel lock) {
        long eventNanos = lock.waiters().stream().mapToLong(ThreadWait::waitNanos).sum();
        return eventNanos > 0 && lock.waits().totalNanos() > eventNanos
                ? (double) lock.waits().totalNanos() / eventNanos : 1.0;
    }

    private static double sampledAtWaitSitesShare(RecordingModel model, ThreadTime t) {
        if (t.executionSamples() == 0) {
            return 0;
        }
        long atSites = 0;
        for (LockModel lock : model.locks()) {
            atSites += lock.samplesAtWaitSites().getOrDefault(t.javaId(), 0L);
        }
        return (double) atSites / t.executionSamples();
    }

    /** See {@link #SAMPLER_SEES_SPINNING_SHARE}. */
    private static boolean samplerSeesSpinning(RecordingModel model, ThreadTime t, double periodSeconds) {
        double atSites = sampledAtWaitSitesShare(model, t);
        double unsampled = Math.max(0, t.cpuSeconds() - t.executionSamples() * periodSeconds) / t.cpuSeconds();
        return atSites >= SAMPLER_SEES_SPINNING_SHARE && atSites >= unsampled;
    }

    private static void addSpinning(RecordingModel model, Map<Long, ThreadTime> workers,
                                    Map<LockModel, Map<Long, ThreadLoss>> lost) {
        double periodSeconds = model.samplePeriodNanos() / NANOS_PER_SECOND;
        if (periodSeconds <= 0) {
            return;
        }
        for (ThreadTime t : workers.values()) {
            if (t.cpuSeconds() <= 0) {
                continue;
            }
            double beyondSamples = addSampledAtWaitSites(model, t, periodSeconds, lost);
            if (!samplerSeesSpinning(model, t, periodSeconds)) {
                addUnsampledCpu(model, t, periodSeconds, beyondSamples, lost);
            }
        }
    }

    /**
     * Direct evidence: samples taken at a line known to wait for a monitor are time at that monitor
     * (on JDK 25 that is where spinning threads are sampled): their share of the thread's samples,
     * times its CPU time.
     *
     * @return the seconds attributed beyond {@code samples × period}, which are part of the
     *     thread's unsampled CPU and must not be counted again as spinning the sampler missed
     */
    private static double addSampledAtWaitSites(RecordingModel model, ThreadTime t, double periodSeconds,
                                              Map<LockModel, Map<Long, ThreadLoss>> lost) {
        Map<LockModel, Long> samples = new HashMap<>();
        long total = 0;
        for (LockModel lock : model.locks()) {
            long n = lock.samplesAtWaitSites().getOrDefault(t.javaId(), 0L);
            if (n > 0) {
                samples.put(lock, n);
                total += n;
            }
        }
        if (total == 0) {
            return 0;
        }
        // Samples are a random draw of the thread's running time: the sampler visits only a few
        // threads per period, so n × period undercounts; the sampled fraction of its CPU does not.
        double secondsPerSample = t.executionSamples() >= total
                ? t.cpuSeconds() / t.executionSamples() : periodSeconds;
        double scale = Math.min(1, t.cpuSeconds() / (total * secondsPerSample));
        for (Map.Entry<LockModel, Long> e : samples.entrySet()) {
            lost.get(e.getKey()).computeIfAbsent(t.javaId(), id -> new ThreadLoss()).spinSampledAtSiteSeconds +=
                    e.getValue() * secondsPerSample * scale;
        }
        return Math.max(0, total * (secondsPerSample * scale - periodSeconds));
    }

    /**
     * Indirect evidence: CPU time the sampler could not see (JDK 17 spins inside the VM), only
     * with many contended enters at a high rate, attributed in proportion to the enters.
     */
    private static void addUnsampledCpu(RecordingModel model, ThreadTime t, double periodSeconds,
                                        double alreadyAttributed, Map<LockModel, Map<Long, ThreadLoss>> lost) {
        double unsampledCpu = Math.max(0, t.cpuSeconds() - t.executionSamples() * periodSeconds - alreadyAttributed);
        if (unsampledCpu / t.cpuSeconds() < MIN_UNSAMPLED_CPU_FRACTION) {
            return;
        }
        Map<LockModel, Long> enters = new HashMap<>();
        long totalEnters = 0;
        for (LockModel lock : model.locks()) {
            if (lock.key().kind() != LockKind.MONITOR || recordedEnters(lock) < MIN_LOCK_ENTERS_FOR_SPIN) {
                continue;
            }
            for (ThreadWait w : lock.waiters()) {
                if (w.javaId() == t.javaId() && w.waits() > 0) {
                    enters.put(lock, w.waits());
                    totalEnters += w.waits();
                }
            }
        }
        if (totalEnters < MIN_CONTENDED_ENTERS_FOR_SPIN
                || totalEnters < MIN_CONTENDED_ENTERS_PER_CPU_SECOND * t.cpuSeconds()) {
            return;
        }
        for (Map.Entry<LockModel, Long> e : enters.entrySet()) {
            lost.get(e.getKey()).computeIfAbsent(t.javaId(), id -> new ThreadLoss()).spinUnsampledSeconds +=
                    unsampledCpu * e.getValue() / totalEnters;
        }
    }

    /**
     * In a recording whose monitor threshold is coarse (plain JFR: 20 ms), most blocking on a hot
     * monitor is shorter than the threshold and leaves no event; the threads seem to vanish. When
     * a worker was seen blocking on a monitor, the machine had CPU to spare (so it was not waiting
     * for a core) and part of its lifetime is explained by nothing recorded, that unexplained time
     * is counted as blocking on the monitors it was seen entering, in proportion to their recorded
     * waits. Said so in the evidence.
     */
    private static void addBlockingBelowThreshold(RecordingModel model, Map<Long, ThreadTime> workers,
                                                  Map<LockModel, Map<Long, ThreadLoss>> lost) {
        if (model.monitorThresholdNanos() < COARSE_MONITOR_THRESHOLD_NANOS || workers.isEmpty()) {
            return;
        }
        double workerCpu = workers.values().stream().mapToDouble(ThreadTime::cpuSeconds).sum();
        double capacity = model.jvm().availableProcessors() * model.wallSeconds();
        if (capacity <= 0 || workerCpu / capacity >= MAX_CPU_UTILIZATION_FOR_BELOW_THRESHOLD) {
            return;
        }
        for (ThreadTime t : workers.values()) {
            Map<LockModel, Double> seen = new HashMap<>();
            double seenNanos = 0;
            for (LockModel lock : model.locks()) {
                if (lock.key().kind() != LockKind.MONITOR || recordedEnters(lock) < MIN_ENTERS_FOR_BELOW_THRESHOLD) {
                    continue;
                }
                for (ThreadWait w : lock.waiters()) {
                    if (w.javaId() == t.javaId() && w.waitNanos() > 0) {
                        seen.merge(lock, (double) w.waitNanos(), Double::sum);
                        seenNanos += w.waitNanos();
                    }
                }
            }
            if (seenNanos <= 0 || t.otherSeconds() <= 0) {
                continue;
            }
            for (Map.Entry<LockModel, Double> e : seen.entrySet()) {
                lost.get(e.getKey()).computeIfAbsent(t.javaId(), id -> new ThreadLoss()).belowThresholdSeconds +=
                        t.otherSeconds() * e.getValue() / seenNanos;
            }
        }
    }

    private static long recordedEnters(LockModel lock) {
        return lock.waiters().stream().mapToLong(ThreadWait::waits).sum();
    }

    /** The timeline states lock waits and spinning show up in. */
    private static final ThreadState[] LOCK_STATES = {ThreadState.BLOCKED, ThreadState.PARKED_LOCK,
        ThreadState.OTHER, ThreadState.RUNNING};

    /** Takes each thread's loss from the ledger, scaling it down to what was granted. */
    private static void claim(Ledger ledger, Map<LockModel, Map<Long, ThreadLoss>> lost) {
        for (Map<Long, ThreadLoss> perThread : lost.values()) {
            perThread.forEach((id, loss) -> {
                double wanted = loss.total();
                double granted = ledger.claimSpread(id, LOCK_STATES, wanted);
                if (wanted > 0 && granted < wanted) {
                    loss.scale(granted / wanted);
                }
            });
        }
    }

    /** A thread cannot lose more time than it lived: scale its contributions down when they do. */
    private static void capAtLifetime(Map<Long, ThreadTime> workers, Map<LockModel, Map<Long, ThreadLoss>> lost) {
        Map<Long, Double> totals = new HashMap<>();
        for (Map<Long, ThreadLoss> perThread : lost.values()) {
            perThread.forEach((id, loss) -> totals.merge(id, loss.total(), Double::sum));
        }
        for (Map<Long, ThreadLoss> perThread : lost.values()) {
            perThread.forEach((id, loss) -> {
                double lifetime = workers.get(id).lifetimeSeconds();
                double total = totals.get(id);
                if (total > lifetime && total > 0) {
                    loss.scale(lifetime / total);
                }
            });
        }
    }

    /** One worker's lost time on one lock, by how it was found. Confined to one evaluation. */
    private static final class ThreadLoss {
        /** Recorded waits (blocked, parked), scaled to exact totals where known. */
        double waitSeconds;
        /** Spinning: CPU time the sampler could not see. */
        double spinUnsampledSeconds;
        /** Spinning: samples taken at the line that waits for the monitor. */
        double spinSampledAtSiteSeconds;
        /** Blocking shorter than a coarse recording threshold. */
        double belowThresholdSeconds;

        double total() {
            return waitSeconds + spinUnsampledSeconds + spinSampledAtSiteSeconds + belowThresholdSeconds;
        }

        void scale(double factor) {
            waitSeconds *= factor;
            spinUnsampledSeconds *= factor;
            spinSampledAtSiteSeconds *= factor;
            belowThresholdSeconds *= factor;
        }
    }

    private static Finding finding(LockModel lock, int waitingWorkers, double lostSeconds, double spinSeconds,
                                   double spinSampledAtSiteSeconds, double belowThresholdSeconds,
                                   RecordingModel model) {
        double wallSeconds = model.wallSeconds();
        String subject = lock.key().lockClass();
        String where = lock.waiterSites().isEmpty() ? null : lock.waiterSites().get(0).frame();
        double ofTheirTime = wallSeconds > 0 ? Math.min(1, lostSeconds / (waitingWorkers * wallSeconds)) : 0;
        String title = String.format(Locale.ROOT, "%d worker thread%s spend %s of %s time %s %s",
                waitingWorkers, waitingWorkers == 1 ? "" : "s", Texts.percent(ofTheirTime),
                waitingWorkers == 1 ? "its" : "their",
                spinSeconds > 0 ? "waiting for or spinning on" : "waiting for", subject);
        StringBuilder evidence = new StringBuilder();
        evidence.append(String.format(Locale.ROOT, "%,d contended acquisitions, p99 wait %s",
                lock.waits().count(), Texts.duration(lock.waits().p99Nanos())));
        String heldBy = heldBy(lock);
        if (heldBy != null) {
            evidence.append(", held longest by ").append(heldBy);
        }
        double spinUnsampledSeconds = spinSeconds - spinSampledAtSiteSeconds;
        if (spinSampledAtSiteSeconds > 0) {
            evidence.append(String.format(Locale.ROOT, "; ~%s s sampled at the line that waits for it",
                    Texts.decimal(spinSampledAtSiteSeconds)));
        }
        if (spinUnsampledSeconds > 0) {
            evidence.append(String.format(Locale.ROOT,
                    "; ~%s s spinning, estimated from CPU time the sampler could not see",
                    Texts.decimal(spinUnsampledSeconds)));
        }
        if (belowThresholdSeconds > 0) {
            evidence.append(String.format(Locale.ROOT,
                    "; ~%s s blocked in waits below the recording's %s threshold, estimated from the unexplained"
                            + " off-CPU time of the threads seen blocking",
                    Texts.decimal(belowThresholdSeconds), Texts.duration(model.monitorThresholdNanos())));
        }
        return new Finding(FindingKind.LOCK_CONTENTION, lostSeconds, 0, subject, where, title,
                evidence.toString(), LockAdvice.advise(lock), detail(lock));
    }

    private static String heldBy(LockModel lock) {
        if (!lock.holderFrames().isEmpty()) {
            return Texts.shortFrame(lock.holderFrames().get(0).frame()) + " (holder frames)";
        }
        if (!lock.holders().isEmpty()) {
            return "thread " + lock.holders().get(0).threadName();
        }
        return null;
    }

    private static List<String> detail(LockModel lock) {
        List<String> lines = new ArrayList<>();
        for (SiteCount site : lock.waiterSites().subList(0, Math.min(5, lock.waiterSites().size()))) {
            lines.add(String.format(Locale.ROOT, "waits at %s: %,d, %s", site.frame(), site.count(),
                    Texts.duration(site.waitNanos())));
        }
        for (SiteCount frame : lock.holderFrames().subList(0, Math.min(5, lock.holderFrames().size()))) {
            lines.add(String.format(Locale.ROOT, "holder ran %s: %,d samples", frame.frame(), frame.count()));
        }
        return lines;
    }
}
