package paragent.analyzer.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.HolderCount;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SampledFrames;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.ThreadWait;
import paragent.analyzer.model.WaitDistribution;
import paragent.analyzer.model.WorkerClassifier;

/**
 * Turns what an {@link EventCollector} accumulated into the immutable {@link RecordingModel}.
 * Single use; confined to the loading thread.
 */
final class ModelBuilder {

    /** Period assumed for {@code jdk.ExecutionSample} when the recording does not say (JDK default profile). */
    static final long DEFAULT_SAMPLE_PERIOD_NANOS = 20_000_000L;
    /** A lock-wait threshold at or above this hides most contention: warn that it may be missed. */
    static final long COARSE_LOCK_THRESHOLD_NANOS = 1_000_000L;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final Pattern JAVA_VERSION = Pattern.compile("\\((\\d+(?:\\.\\d+)*)");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ns|us|ms|s|m|h)\\s*");

    private final EventCollector in;
    private final List<String> warnings;
    private final Map<Long, long[]> sortedSampleTimes = new HashMap<>();
    private final Map<Long, String[]> sortedSampleFrames = new HashMap<>();
    private final Map<Long, String[][]> sortedSampleStacks = new HashMap<>();
    private Map<Long, Map<String, Map<String, Long>>> sampleCountsByFrameAndTopMethod;
    /** Wait time per waiting site over every reported lock; set before the lock models are built. */
    private Map<String, Long> siteWaitNanos = Map.of();

    ModelBuilder(EventCollector collector, List<String> warnings) {
        this.in = collector;
        this.warnings = new ArrayList<>(warnings);
        this.warnings.addAll(collector.caps.warnings());
    }

    RecordingModel build(String recordingName) {
        int processors = in.runInfoProcessors > 0 ? in.runInfoProcessors : in.hwThreads;
        if (processors <= 0) {
            warnings.add("the recording does not say how many cores the JVM had; assumed 1");
        }
        JvmInfo jvm = new JvmInfo(in.pid, javaVersion(in.jvmVersion), Math.max(processors, 0), in.command);
        long samplePeriodNanos = samplePeriodNanos();
        if (in.histogramDecodeFailures > 0) {
            warnings.add(in.histogramDecodeFailures + " paragent.LockSummary histograms could not be decoded;"
                    + " lock percentiles are from the individual wait events");
        }
        List<LockModel> locks = new ArrayList<>();
        Map<Long, Double> lockParkedSeconds = new HashMap<>();
        List<LockData> jucLocks = jucLocks();
        siteWaitNanos = siteWaitNanos(jucLocks);
        for (LockData lock : in.locks.monitorLocks.values()) {
            locks.add(lockModel(lock));
        }
        for (LockData lock : jucLocks) {
            LockModel model = lockModel(lock);
            locks.add(model);
            for (ThreadWait w : model.waiters()) {
                lockParkedSeconds.merge(w.javaId(), w.waitNanos() / NANOS_PER_SECOND, Double::sum);
            }
        }
        for (LockData lock : in.ipc.fileLocks.values()) {
            LockModel model = IpcModels.fileLock(lockModel(lock), in.ipc.fileLockSummaries.get(lock.key), this::name);
            locks.add(model);
            for (ThreadWait w : model.waiters()) {
                lockParkedSeconds.merge(w.javaId(), w.waitNanos() / NANOS_PER_SECOND, Double::sum);
            }
        }
        locks.sort(Comparator.comparingLong((LockModel l) -> l.waits().totalNanos()).reversed());
        boolean schedStat = schedStatAvailable();
        TimelineBuilder timelineBuilder = new TimelineBuilder(in.recordingStartNanos, in.recordingEndNanos, in.gcPauses,
                in.threads.size());
        Map<Long, float[][]> timelines = new HashMap<>();
        List<ThreadTime> threads = new ArrayList<>();
        for (ThreadData t : in.threads.values()) {
            threads.add(threadTime(t, Math.max(processors, 1), samplePeriodNanos, schedStat, timelineBuilder,
                    timelines));
        }
        // A thread blocked talking to another process is busy, like one waiting for a lock.
        IpcModels.communicatingSeconds(in.ipc).forEach((id, seconds) -> lockParkedSeconds.merge(id, seconds, Double::sum));
        // So is a thread waiting for the device to finish the work it offloaded.
        GpuModels.waitSeconds(in.gpu).forEach((id, seconds) -> lockParkedSeconds.merge(id, seconds, Double::sum));
        threads = WorkerClassifier.classify(threads, lockParkedSeconds);
        Timeline timeline = timelineBuilder.build(timelines);
        double wallSeconds = Math.max(0, in.recordingEndNanos - in.recordingStartNanos) / NANOS_PER_SECOND;
        long monitorThresholdNanos = monitorThresholdNanos();
        if (monitorThresholdNanos >= COARSE_LOCK_THRESHOLD_NANOS) {
            warnings.add(String.format(Locale.ROOT, "the recording kept only lock waits of %s ms or more"
                    + " (plain JFR's default); shorter waits left no trace, so lock contention may be missed or"
                    + " underestimated: run under the paragent agent, or record with"
                    + " -XX:StartFlightRecording:jdk.JavaMonitorEnter#threshold=10us,jdk.ThreadPark#threshold=10us",
                    BigDecimal.valueOf(monitorThresholdNanos, 6).stripTrailingZeros().toPlainString()));
        }
        if (!schedStat && !in.threads.isEmpty()) {
            warnings.add("the recording has no run-queue times (Linux schedstat): waiting for a CPU is unavailable,"
                    + " and oversubscription cannot be measured");
        }
        GpuModel gpu = GpuModels.gpu(in.gpu, in.recordingStartNanos, in.recordingEndNanos, warnings);
        return new RecordingModel(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos,
                threads, locks, warnings, timeline, Models.executors(in, threads, timeline),
                Models.processes(in, Math.max(processors, 1)), Models.gc(in), sampledFrames(), IpcModels.ipc(in.ipc),
                IpcModels.run(in.ipc, jvm, in.recordingStartNanos, in.recordingEndNanos), gpu,
                in.flames.build(locks.stream().map(LockModel::key).toList(), samplePeriodNanos), in.pinning.build());
    }

    private SampledFrames sampledFrames() {
        Map<Long, double[]> times = new HashMap<>();
        Map<Long, String[]> frames = new HashMap<>();
        Map<Long, String[]> topFrames = new HashMap<>();
        for (ThreadData t : in.threads.values()) {
            int n = t.sampleTimes.pairs();
            if (n == 0) {
                continue;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(t.sampleTimes::first));
            double[] seconds = new double[n];
            String[] top = new String[n];
            String[] topAny = new String[n];
            for (int i = 0; i < n; i++) {
                int sample = (int) t.sampleTimes.second(order[i]);
                seconds[i] = (t.sampleTimes.first(order[i]) - in.recordingStartNanos) / NANOS_PER_SECOND;
                top[i] = t.sampleFrames.get(sample);
                // a sample with an application frame has at least that frame on its stack
                topAny[i] = t.sampleStacks.get(sample)[0];
            }
            times.put(t.javaId, seconds);
            frames.put(t.javaId, top);
            topFrames.put(t.javaId, topAny);
        }
        return new SampledFrames(times, frames, topFrames);
    }

    /** True when the recording has run-queue times: paragent.SchedStat events, and no RunInfo saying otherwise. */
    private boolean schedStatAvailable() {
        return !in.schedStats.isEmpty()
                && (in.runInfoSchedStatPeriodMillis == null || in.runInfoSchedStatPeriodMillis > 0);
    }

    private ThreadTime threadTime(ThreadData t, int processors, long samplePeriodNanos, boolean schedStat,
                                  TimelineBuilder timelineBuilder, Map<Long, float[][]> timelines) {
        long start = t.startedNanos != ThreadData.UNKNOWN ? t.startedNanos
                : in.sawThreadLifecycle ? in.recordingStartNanos : t.firstSeenNanos;
        long end = t.endedNanos != ThreadData.UNKNOWN ? t.endedNanos
                : in.sawThreadLifecycle ? in.recordingEndNanos : t.lastSeenNanos;
        start = Math.max(start, in.recordingStartNanos);
        end = Math.min(end, in.recordingEndNanos);
        double lifetime = Math.max(0, end - start) / NANOS_PER_SECOND;

        double parkedFromEvents = parkedNanos(t) / NANOS_PER_SECOND;
        double waitingFromEvents = t.monitorWaitNanos / NANOS_PER_SECOND;
        double sleepingFromEvents = t.sleepNanos / NANOS_PER_SECOND;
        double cpu;
        double blocked;
        double parked;
        double waiting;
        double sleeping;
        if (t.threadTimes != null) {
            long[] times = sinceBaseline(t);
            cpu = times[0] / NANOS_PER_SECOND;
            blocked = times[1] / NANOS_PER_SECOND;
            double waited = times[2] / NANOS_PER_SECOND;
            double fromEvents = parkedFromEvents + waitingFromEvents + sleepingFromEvents;
            if (fromEvents > 0) {
                parked = waited * parkedFromEvents / fromEvents;
                waiting = waited * waitingFromEvents / fromEvents;
                sleeping = waited * sleepingFromEvents / fromEvents;
            } else {
                parked = waited;
                waiting = 0;
                sleeping = 0;
            }
        } else {
            double sampled = t.executionSamples * (double) samplePeriodNanos / NANOS_PER_SECOND;
            cpu = Math.max(integratedCpuSeconds(t, start, processors), sampled);
            blocked = t.monitorEnterNanos / NANOS_PER_SECOND;
            parked = parkedFromEvents;
            waiting = waitingFromEvents;
            sleeping = sleepingFromEvents;
        }
        // Cumulative ThreadMXBean values include time before the recording; never exceed the lifetime.
        cpu = Math.min(cpu, lifetime);
        double running = cpu;
        blocked = Math.min(blocked, lifetime);
        parked = Math.min(parked, lifetime);
        waiting = Math.min(waiting, lifetime);
        sleeping = Math.min(sleeping, lifetime);
        ThreadData.LongPairs[] sched = schedStat && t.osId != null ? in.schedStats.get(t.osId) : null;
        float[][] states = timelineBuilder.thread(t, start, end,
                sched != null ? sched[0] : t.cpuSeries.pairs() > 0 ? t.cpuSeries : null,
                sched != null ? sched[1] : null, lifetime > 0 ? cpu / lifetime : 0);
        timelines.put(t.javaId, states);
        Double waitingForCpu = sched == null ? null
                : Math.min(lifetime - running, increase(sched[1], t.startedNanos >= in.recordingStartNanos));
        double parkedIdle = Math.min(parked, sum(states[ThreadState.PARKED_IDLE.ordinal()]));
        double parkedLock = Math.min(parked - parkedIdle, sum(states[ThreadState.PARKED_LOCK.ordinal()]));
        double io = sum(states[ThreadState.IO.ordinal()]);
        double gc = sum(states[ThreadState.GC.ordinal()]);
        double other = Math.max(0, lifetime - running - (waitingForCpu == null ? 0 : waitingForCpu) - blocked
                - parked - waiting - sleeping - io - gc);
        boolean internal = WorkerClassifier.isInternal(t.name, t.group);
        return new ThreadTime(t.name, t.javaId, t.osId, cpu, lifetime, running, waitingForCpu, blocked, parked,
                parkedLock, parkedIdle, waiting, sleeping, io, gc, other, t.executionSamples, internal, false,
                ThreadTime.groupOf(t.name));
    }

    /**
     * The increase of a cumulative counter over the recording, in seconds: last minus first value,
     * or the last value when the thread started inside the recording (counted from its start).
     */
    private static double increase(ThreadData.LongPairs counter, boolean startedInside) {
        long first = counter.earliestSecond();
        long last = counter.latestSecond();
        return Math.max(0, last - (startedInside ? 0 : first)) / NANOS_PER_SECOND;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    /**
     * The thread's last cumulative ThreadTimes minus its baseline (the values as the recording
     * started), so JVM start-up and the agent's own start in {@code main} are not counted. Without a
     * baseline the thread started during the recording and its totals count from its start.
     */
    static long[] sinceBaseline(long[] last, long[] baseline) {
        if (baseline == null) {
            return last;
        }
        long[] result = new long[last.length];
        for (int i = 0; i < last.length; i++) {
            result[i] = Math.max(0, last[i] - baseline[i]);
        }
        return result;
    }

    private static long[] sinceBaseline(ThreadData t) {
        return sinceBaseline(t.threadTimes,
                t.threadTimesBaselineAtNanos <= t.threadTimesAtNanos ? t.threadTimesBaseline : null);
    }

    /** Park time plus paragent.LockWait time, counting a park inside a LockWait (the same wait) once. */
    private static long parkedNanos(ThreadData t) {
        long total = t.parks.sumOfDifferences() + t.lockWaits.sumOfDifferences();
        int n = t.lockWaits.pairs();
        if (n == 0 || t.parks.pairs() == 0) {
            return total;
        }
        long[][] waits = new long[n][];
        for (int i = 0; i < n; i++) {
            waits[i] = new long[] {t.lockWaits.first(i), t.lockWaits.second(i)};
        }
        Arrays.sort(waits, Comparator.comparingLong(w -> w[0]));
        long[] starts = Arrays.stream(waits).mapToLong(w -> w[0]).toArray();
        for (int i = 0; i < t.parks.pairs(); i++) {
            long parkStart = t.parks.first(i);
            long parkEnd = t.parks.second(i);
            int idx = Arrays.binarySearch(starts, parkStart);
            int candidate = idx >= 0 ? idx : -idx - 2;
            if (candidate >= 0 && waits[candidate][1] >= parkEnd) {
                total -= parkEnd - parkStart;
            }
        }
        return total;
    }

    /** Integrates jdk.ThreadCPULoad (a fraction of the whole machine) over the periods it covers. */
    private static double integratedCpuSeconds(ThreadData t, long lifetimeStartNanos, int processors) {
        if (t.cpuLoads.isEmpty()) {
            return 0;
        }
        t.cpuLoads.sort(Comparator.comparingDouble(l -> l[0]));
        double seconds = 0;
        double previous = lifetimeStartNanos;
        for (double[] load : t.cpuLoads) {
            double dt = load[0] - previous;
            if (dt > 0) {
                seconds += load[1] * processors * dt / NANOS_PER_SECOND;
            }
            previous = Math.max(previous, load[0]);
        }
        return seconds;
    }

    private LockModel lockModel(LockData lock) {
        List<SiteCount> siteCounts = new ArrayList<>();
        lock.sites.forEach((frame, c) -> siteCounts.add(new SiteCount(frame, c[0], c[1])));
        siteCounts.sort(Comparator.comparingLong(SiteCount::waitNanos).reversed());
        List<ThreadWait> waiters = new ArrayList<>();
        lock.byWaiter.forEach((id, c) -> waiters.add(new ThreadWait(id, name(id), c[0], c[1])));
        waiters.sort(Comparator.comparingLong(ThreadWait::waitNanos).reversed());
        List<HolderCount> holders = new ArrayList<>();
        lock.byHolder.forEach((id, n) -> holders.add(new HolderCount(lock.holderNames.getOrDefault(id, name(id)), n)));
        holders.sort(Comparator.comparingLong(HolderCount::waitsCaused).reversed());
        Map<String, Long> holderFrames = new HashMap<>();
        Map<String, Long> holderFramesInContendedCode = new HashMap<>();
        lock.holderWaits.forEach((holderSite, waits) ->
                countHolderFrames(holderSite, waits, holderFrames, holderFramesInContendedCode));
        List<SiteCount> frames = new ArrayList<>();
        // Samples whose stack passes through the waiters' code show the critical section itself;
        // the rest may be the holder's work after it released the lock within the same interval.
        (holderFramesInContendedCode.isEmpty() ? holderFrames : holderFramesInContendedCode)
                .forEach((frame, n) -> frames.add(new SiteCount(frame, n, 0)));
        frames.sort(Comparator.comparingLong(SiteCount::count).reversed());

        WaitDistribution distribution;
        if (lock.hasSummary && lock.summaryWaits > 0) {
            WaitDistribution d = WaitDistribution.of(lock.summaryWaitNanosHistogram, lock.summaryWaits,
                    lock.summaryWaitNanos);
            if (lock.summaryWaitNanosHistogram.getTotalCount() == 0) {
                d = WaitDistribution.of(lock.eventWaitNanos, lock.summaryWaits, lock.summaryWaitNanos);
            }
            distribution = new WaitDistribution(d.count(), d.totalNanos(), d.p50Nanos(), d.p99Nanos(),
                    Math.max(d.maxNanos(), lock.summaryMaxWaitNanos));
        } else {
            distribution = WaitDistribution.of(lock.eventWaitNanos, lock.waits, lock.waitNanos);
        }
        Map<Long, Long> samplesAtWaitSites = lock.key.kind() == LockKind.MONITOR
                ? samplesAtWaitSites(lock) : Map.of();
        return new LockModel(lock.key, distribution, siteCounts, waiters, holders, frames, samplesAtWaitSites);
    }

    /**
     * Counts the holder's sampled application frames inside its waiters' wait intervals, a sample
     * once per wait it falls in: all of them in {@code counts}, and those whose stack contains the
     * waiting site's method (the holder is inside the contended code) also in {@code inContendedCode}.
     * One sweep over the holder's samples per holder and site, not one search per wait.
     */
    private void countHolderFrames(LockData.HolderSite holderSite, ThreadData.LongPairs waits,
                                   Map<String, Long> counts, Map<String, Long> inContendedCode) {
        ThreadData holder = in.threads.get(holderSite.holderId());
        int n = waits.pairs();
        if (holder == null || holder.sampleTimes.pairs() == 0 || n == 0) {
            return;
        }
        long[] times = sortedSampleTimes.get(holder.javaId);
        if (times == null) {
            sortSamples(holder);
            times = sortedSampleTimes.get(holder.javaId);
        }
        String[] frames = sortedSampleFrames.get(holder.javaId);
        String[][] stacks = sortedSampleStacks.get(holder.javaId);
        String siteMethod = holderSite.site() == null ? null : Frames.methodOf(holderSite.site());
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = waits.first(i);
            ends[i] = waits.second(i);
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int startIdx = 0;
        int endIdx = 0;
        for (int i = firstAtOrAfter(times, starts[0]); i < times.length && times[i] <= ends[n - 1]; i++) {
            while (startIdx < n && starts[startIdx] <= times[i]) {
                startIdx++;
            }
            while (endIdx < n && ends[endIdx] < times[i]) {
                endIdx++;
            }
            long covering = startIdx - endIdx; // waits with start <= t <= end
            if (covering > 0) {
                counts.merge(frames[i], covering, Long::sum);
                if (siteMethod != null && contains(stacks[i], siteMethod)) {
                    inContendedCode.merge(frames[i], covering, Long::sum);
                }
            }
        }
    }

    private static int firstAtOrAfter(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Per thread, its execution samples at the monitor's wait sites, where a thread spinning for
     * it is sampled ({@link LockData#spinPositions}): on top of the method that entered the monitor
     * at the site, or at the application line calling a synchronized method. A line that once waited
     * for a class loader's lock inside {@code StrictMath.exp} is sampled computing, on top of
     * {@code FdLibm}, not spinning (CI once found 1.08 s of such samples blamed on an 82 µs wait).
     * A site where other locks are waited for too is shared among them in proportion to the wait
     * time there: a line that contends a {@code ReentrantLock} a thousand times, and once a
     * JDK-internal monitor taken inside that call, is sampled for the {@code ReentrantLock}'s code,
     * not for the monitor (ScaleCheckIT once found a second finding, on an {@code int[]} monitor,
     * made of the lock's samples).
     */
    private Map<Long, Long> samplesAtWaitSites(LockData lock) {
        Map<Long, Double> shares = new HashMap<>();
        lock.sites.forEach((site, countAndNanos) -> {
            long allNanos = siteWaitNanos.getOrDefault(site, 0L);
            double share = allNanos > 0 ? Math.min(1, (double) countAndNanos[1] / allNanos) : 1;
            Set<LockData.SpinPosition> positions = lock.spinPositions.getOrDefault(site, Set.of());
            sampleCountsByFrameAndTopMethod().forEach((javaId, byFrame) -> {
                long n = 0;
                for (LockData.SpinPosition p : positions) {
                    n += byFrame.getOrDefault(p.topApplicationFrame(), Map.of()).getOrDefault(p.topMethod(), 0L);
                }
                if (n > 0) {
                    shares.merge(javaId, n * share, Double::sum);
                }
            });
        });
        Map<Long, Long> counts = new HashMap<>();
        shares.forEach((javaId, n) -> {
            if (Math.round(n) > 0) {
                counts.put(javaId, Math.round(n));
            }
        });
        return counts;
    }

    /**
     * The {@code java.util.concurrent} locks the model reports: from paragent's wait events, or
     * from JFR's parks in a plain recording; without the executors' queues, whose waits are idle
     * workers handing off work.
     */
    private List<LockData> jucLocks() {
        List<LockData> locks = new ArrayList<>();
        for (LockData lock : (in.locks.paragentLocks.isEmpty() ? in.locks.parkLocks : in.locks.paragentLocks).values()) {
            if (!in.locks.poolHandOffLocks.contains(lock.key)) {
                locks.add(lock);
            }
        }
        return locks;
    }

    /** Wait time per waiting site over every lock the model reports ({@code jucLocks}: {@link #jucLocks()}). */
    private Map<String, Long> siteWaitNanos(List<LockData> jucLocks) {
        Map<String, Long> nanos = new HashMap<>();
        List<LockData> all = new ArrayList<>(in.locks.monitorLocks.values());
        all.addAll(jucLocks);
        all.addAll(in.ipc.fileLocks.values());
        for (LockData lock : all) {
            lock.sites.forEach((site, countAndNanos) -> nanos.merge(site, countAndNanos[1], Long::sum));
        }
        return nanos;
    }

    /** Per thread, its execution samples counted by top application frame, then by top method; built once. */
    private Map<Long, Map<String, Map<String, Long>>> sampleCountsByFrameAndTopMethod() {
        if (sampleCountsByFrameAndTopMethod == null) {
            sampleCountsByFrameAndTopMethod = new HashMap<>();
            for (ThreadData t : in.threads.values()) {
                Map<String, Map<String, Long>> byFrame = new HashMap<>();
                for (int i = 0; i < t.sampleFrames.size(); i++) {
                    // a sample with an application frame has at least that frame on its stack
                    byFrame.computeIfAbsent(t.sampleFrames.get(i), f -> new HashMap<>())
                            .merge(t.sampleStacks.get(i)[0], 1L, Long::sum);
                }
                sampleCountsByFrameAndTopMethod.put(t.javaId, byFrame);
            }
        }
        return sampleCountsByFrameAndTopMethod;
    }

    private static boolean contains(String[] methods, String method) {
        for (String m : methods) {
            if (m.equals(method)) {
                return true;
            }
        }
        return false;
    }

    private void sortSamples(ThreadData holder) {
        int n = holder.sampleTimes.pairs();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(holder.sampleTimes::first));
        long[] times = new long[n];
        String[] frames = new String[n];
        String[][] stacks = new String[n][];
        for (int i = 0; i < n; i++) {
            times[i] = holder.sampleTimes.first(order[i]);
            int sample = (int) holder.sampleTimes.second(order[i]);
            frames[i] = holder.sampleFrames.get(sample);
            stacks[i] = holder.sampleStacks.get(sample);
        }
        sortedSampleTimes.put(holder.javaId, times);
        sortedSampleStacks.put(holder.javaId, stacks);
        sortedSampleFrames.put(holder.javaId, frames);
    }

    private String name(long javaId) {
        ThreadData t = in.threads.get(javaId);
        return t == null || t.name == null ? "thread " + javaId : t.name;
    }

    private long samplePeriodNanos() {
        if (in.runInfoSamplePeriodMillis > 0) {
            return in.runInfoSamplePeriodMillis * 1_000_000L;
        }
        long nanos = activeSettingNanos("jdk.ExecutionSample", "period");
        if (nanos > 0) {
            return nanos;
        }
        boolean sampled = in.threads.values().stream().anyMatch(t -> t.executionSamples > 0);
        if (!sampled) {
            return 0;
        }
        warnings.add("the recording does not say the execution sampling period; assumed 20 ms");
        return DEFAULT_SAMPLE_PERIOD_NANOS;
    }

    /** The jdk.JavaMonitorEnter threshold the recording ran with; 0 when unknown. */
    private long monitorThresholdNanos() {
        return activeSettingNanos("jdk.JavaMonitorEnter", "threshold");
    }

    /** A duration setting of an event type from jdk.ActiveSetting; 0 when absent or not a duration. */
    private long activeSettingNanos(String eventType, String setting) {
        for (Map.Entry<Long, Map<String, String>> e : in.activeSettings.entrySet()) {
            if (eventType.equals(in.typeNames.get(e.getKey()))) {
                long nanos = durationNanos(e.getValue().get(setting));
                if (nanos > 0) {
                    return nanos;
                }
            }
        }
        return 0;
    }

    static long durationNanos(String setting) {
        if (setting == null) {
            return 0;
        }
        Matcher m = DURATION.matcher(setting);
        if (!m.matches()) {
            return 0;
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> value;
            case "us" -> value * 1_000L;
            case "ms" -> value * 1_000_000L;
            case "s" -> value * 1_000_000_000L;
            case "m" -> value * 60_000_000_000L;
            default -> value * 3_600_000_000_000L;
        };
    }

    static String javaVersion(String jvmVersion) {
        if (jvmVersion == null) {
            return null;
        }
        Matcher m = JAVA_VERSION.matcher(jvmVersion);
        return m.find() ? m.group(1) : jvmVersion;
    }
}
