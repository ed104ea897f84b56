package paragent.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.ThreadWait;
import paragent.analyzer.model.WaitDistribution;

/** The rule on synthetic models: waits, spinning, thresholds and share capping. */
class LockContentionRuleTest {

    private static final long PERIOD_NANOS = 10_000_000L;

    private static ThreadTime worker(long id, double cpuSeconds, long samples, double blockedSeconds) {
        return new ThreadTime("w" + id, id, null, cpuSeconds, 3, cpuSeconds, null, blockedSeconds, 0, 0, 0, 0, 0,
                Math.max(0, 3 - cpuSeconds - blockedSeconds), samples, false, true);
    }

    private static LockModel monitor(String lockClass, long waitsPerThread, long waitNanosPerThread, long... threadIds) {
        return sampledMonitor(lockClass, waitsPerThread, waitNanosPerThread, 0, threadIds);
    }

    private static LockModel sampledMonitor(String lockClass, long waitsPerThread, long waitNanosPerThread,
                                            long samplesAtWaitSitePerThread, long... threadIds) {
        List<ThreadWait> waiters = java.util.Arrays.stream(threadIds)
                .mapToObj(id -> new ThreadWait(id, "w" + id, waitsPerThread, waitNanosPerThread)).toList();
        java.util.Map<Long, Long> samplesAtWaitSites = new java.util.HashMap<>();
        if (samplesAtWaitSitePerThread > 0) {
            for (long id : threadIds) {
                samplesAtWaitSites.put(id, samplesAtWaitSitePerThread);
            }
        }
        long count = waitsPerThread * threadIds.length;
        long total = waitNanosPerThread * threadIds.length;
        return new LockModel(new LockKey(LockKind.MONITOR, lockClass, ""),
                new WaitDistribution(count, total, 20_000, 3_000_000, 9_000_000),
                List.of(new SiteCount("app.Counter.increment(Counter.java:42)", count, total)), waiters, List.of(),
                List.of(new SiteCount("app.Counter.increment(Counter.java:43)", 12, 0)), samplesAtWaitSites);
    }

    private static RecordingModel model(List<ThreadTime> threads, List<LockModel> locks) {
        return model(threads, locks, 10_000);
    }

    private static RecordingModel model(List<ThreadTime> threads, List<LockModel> locks, long monitorThresholdNanos) {
        return new RecordingModel("r.jfr", new JvmInfo(1L, "17", 2, "app"), 3, PERIOD_NANOS, monitorThresholdNanos,
                threads, locks, List.of());
    }

    private static List<Finding> evaluate(RecordingModel m) {
        return new LockContentionRule().evaluate(m, new Ledger(m));
    }

    @Test
    void flightRecordersOwnLocksAreTheProfilersCostNotAFinding() {
        RecordingModel m = model(List.of(worker(1, 1.5, 150, 1.0), worker(2, 1.5, 150, 1.0)),
                List.of(monitor("jdk.jfr.internal.MetadataRepository", 1, 1_000_000_000L, 1, 2)));

        assertThat(evaluate(m)).isEmpty();
    }

    @Test
    void lostTimeIsWorkersWaitForTheLock() {
        RecordingModel m = model(List.of(worker(1, 1.5, 150, 1.0), worker(2, 1.5, 150, 1.0)),
                List.of(monitor("app.Counter", 100, 1_000_000_000L, 1, 2)));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.lostThreadSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(f.share()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(f.subject()).isEqualTo("app.Counter");
        assertThat(f.where()).isEqualTo("app.Counter.increment(Counter.java:42)");
        assertThat(f.title()).isEqualTo("2 worker threads spend 33% of their time waiting for app.Counter");
        assertThat(f.evidence()).isEqualTo("200 contended acquisitions, p99 wait 3.0 ms, held longest by Counter.increment (holder frames)");
        assertThat(f.advice()).contains("LongAdder");
    }

    @Test
    void unsampledCpuOfContendingThreadsIsSpinningOnTheMonitor() {
        // 2.8 CPU-seconds each, only 120 samples at 10 ms: 1.6 s each the sampler could not see.
        RecordingModel m = model(List.of(worker(1, 2.8, 120, 0.05), worker(2, 2.8, 120, 0.05)),
                List.of(monitor("app.Counter", 300, 50_000_000L, 1, 2)));

        Finding f = Diagnosis.diagnose(m).get(0);

        assertThat(f.lostThreadSeconds()).isCloseTo(2 * (0.05 + 1.6), within(1e-9));
        assertThat(f.evidence()).contains("~3.20 s spinning, estimated from CPU time the sampler could not see");
        assertThat(f.title()).contains("waiting for or spinning on");
    }

    @Test
    void samplesAtTheWaitingLineAreSpinningWhereTheSamplerSeesIt() {
        // JDK 25: 2.8 CPU-seconds each, 280 samples, 200 of them at the line waiting for the monitor.
        RecordingModel m = model(List.of(worker(1, 2.8, 280, 0.05), worker(2, 2.8, 280, 0.05)),
                List.of(sampledMonitor("app.Counter", 300, 50_000_000L, 200, 1, 2)));

        Finding f = Diagnosis.diagnose(m).get(0);

        assertThat(f.lostThreadSeconds()).isCloseTo(2 * (0.05 + 2.0), within(1e-9));
        assertThat(f.evidence()).endsWith("; ~4.00 s sampled at the line that waits for it");
        assertThat(f.title()).contains("waiting for or spinning on");
    }

    @Test
    void aFewSamplesAtTheWaitingLineDoNotHideTheSpinningTheSamplerMissed() {
        // shared-counter on JDK 17, 2 threads: 2.5 CPU-seconds, 115 samples at 10 ms (54% of the CPU
        // unsampled), 9 of them (7.8%) at the line waiting for the monitor. Both: sampled and unsampled.
        RecordingModel m = model(List.of(worker(1, 2.5, 115, 0.05), worker(2, 2.5, 115, 0.05)),
                List.of(sampledMonitor("app.Counter", 300, 50_000_000L, 9, 1, 2)));

        Finding f = Diagnosis.diagnose(m).get(0);

        double atLine = 9 * 2.5 / 115;
        double unsampled = 2.5 - 1.15 - 9 * (2.5 / 115 - 0.01);
        assertThat(f.lostThreadSeconds()).isCloseTo(2 * (0.05 + atLine + unsampled), within(1e-9));
        assertThat(f.evidence()).contains("sampled at the line that waits for it")
                .contains("spinning, estimated from CPU time the sampler could not see");
    }

    @Test
    void samplesAtAWaitingLineAreDirectEvidenceEvenWithFewRecordedEnters() {
        // A plain recording (20 ms threshold) saw 5 long enters; each worker was sampled 200 times
        // at the line that waits for the monitor. The unsampled 0.05 s needs more evidence.
        RecordingModel m = model(List.of(worker(1, 2.8, 280, 0), worker(2, 2.8, 280, 0)),
                List.of(sampledMonitor("app.Counter", 5, 100_000L, 200, 1, 2)));

        assertThat(Diagnosis.diagnose(m).get(0).lostThreadSeconds()).isCloseTo(2 * (0.0001 + 2.0), within(1e-9));
    }

    @Test
    void samplesAtTheWaitingLineCountTheirShareOfCpuWhenTheSamplerMissedPeriods() {
        // The sampler visits a few threads per period: 2.8 CPU-seconds drew only 140 samples, 70 of
        // them at the waiting line, so half the CPU (1.4 s) was at the lock, not 70 × 10 ms. The
        // 1.4 s unsampled CPU is that same time again: not counted twice as spinning, even with
        // the many fast contended enters that would otherwise make it spinning.
        RecordingModel m = model(List.of(worker(1, 2.8, 140, 0), worker(2, 2.8, 140, 0)),
                List.of(sampledMonitor("app.Counter", 300, 100_000L, 70, 1, 2)));

        Finding f = Diagnosis.diagnose(m).get(0);

        assertThat(f.lostThreadSeconds()).isCloseTo(2 * (0.0001 + 1.4), within(1e-9));
        assertThat(f.evidence()).doesNotContain("spinning, estimated");
    }

    @Test
    void timeSampledAtWaitingLinesNeverExceedsTheThreadsCpu() {
        // 400 samples at 10 ms claim 4 s, but the thread used 2.8 s of CPU.
        RecordingModel m = model(List.of(worker(1, 2.8, 400, 0)),
                List.of(sampledMonitor("app.Counter", 5, 100_000L, 400, 1)));

        assertThat(Diagnosis.diagnose(m).get(0).lostThreadSeconds()).isCloseTo(0.0001 + 2.8, within(1e-9));
    }

    @Test
    void wellSampledCpuIsNotSpinning() {
        RecordingModel m = model(List.of(worker(1, 2.8, 275, 0.05), worker(2, 2.8, 275, 0.05)),
                List.of(monitor("app.Counter", 300, 50_000_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m).get(0).lostThreadSeconds()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void fewContendedEntersDoNotMakeASpinner() {
        RecordingModel m = model(List.of(worker(1, 2.8, 50, 0.0), worker(2, 2.8, 50, 0.0)),
                List.of(monitor("app.Counter", 3, 1_000_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m)).isEmpty();
    }

    @Test
    void aHandfulOfStrayEntersNeverTurnUnsampledCpuIntoAFinding() {
        // montecarlo's fixed variant: 4 contended enters on java.lang.Object, 0.28 s of CPU unsampled
        // (JIT warm-up, the JDK 17 sampler's thread limit). Not spinning, and no finding.
        RecordingModel m = model(List.of(worker(1, 0.3, 10, 0), worker(2, 0.3, 10, 0)),
                List.of(monitor("java.lang.Object", 4, 30_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m)).isEmpty();
    }

    @Test
    void spinNeedsAHighRateOfContendedEntersPerCpuSecond() {
        // 60 enters per thread in 2.8 CPU-seconds (~21/CPU-s): many events, but not a spinner's rate.
        RecordingModel m = model(List.of(worker(1, 2.8, 120, 0.05), worker(2, 2.8, 120, 0.05)),
                List.of(monitor("app.Counter", 60, 50_000_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m).get(0).lostThreadSeconds()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void spinNeedsEnoughEnterEventsOnTheThread() {
        // 15 enters in 0.2 CPU-seconds is a high rate, but too few events to call it spinning.
        RecordingModel m = model(List.of(worker(1, 0.2, 5, 0.05), worker(2, 0.2, 5, 0.05)),
                List.of(monitor("app.Counter", 15, 50_000_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m).get(0).lostThreadSeconds()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void spinGoesOnlyToMonitorsWithManyContendedEnters() {
        // A spinning thread with 300 enters on app.Counter and 3 on java.lang.Object: all its
        // unsampled CPU goes to app.Counter; the stray monitor gets only its recorded wait.
        RecordingModel m = model(List.of(worker(1, 2.8, 120, 0.05), worker(2, 2.8, 120, 0.05)),
                List.of(monitor("app.Counter", 300, 50_000_000L, 1, 2),
                        monitor("java.lang.Object", 3, 60_000_000L, 1, 2)));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).extracting(Finding::subject).containsExactly("app.Counter", "java.lang.Object");
        assertThat(findings.get(0).lostThreadSeconds()).isCloseTo(2 * (0.05 + 1.6), within(1e-9));
        assertThat(findings.get(1).lostThreadSeconds()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void tinyContentionIsIgnored() {
        RecordingModel m = model(List.of(worker(1, 2.8, 280, 0.01), worker(2, 2.8, 280, 0.01)),
                List.of(monitor("app.Counter", 10, 10_000_000L, 1, 2)));

        assertThat(Diagnosis.diagnose(m)).isEmpty();
    }

    @Test
    void nonWorkerWaitsDoNotCount() {
        ThreadTime idle = worker(3, 0, 0, 2.0).withWorker(false);
        RecordingModel m = model(List.of(worker(1, 3, 300, 0), idle),
                List.of(monitor("app.Counter", 100, 2_000_000_000L, 3)));

        assertThat(Diagnosis.diagnose(m)).isEmpty();
    }

    @Test
    void sharesNeverSumAboveOne() {
        // Recorded waits exceed the lifetime: each thread is capped at its lifetime, shares at 1.
        RecordingModel m = model(List.of(worker(1, 0, 0, 3), worker(2, 0, 0, 3)),
                List.of(monitor("app.A", 100, 3_000_000_000L, 1, 2), monitor("app.B", 100, 3_000_000_000L, 1, 2)));

        List<Finding> findings = Diagnosis.diagnose(m);

        assertThat(findings).hasSize(2);
        assertThat(findings.stream().mapToDouble(Finding::share).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(findings.stream().mapToDouble(Finding::lostThreadSeconds).sum()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void offCpuTimeOfThreadsSeenBlockingIsBlockingBelowACoarseThreshold() {
        // Plain JFR defaults: only enters of 20 ms or more are recorded. Workers are seen blocking on
        // the monitor, run 0.8 of 3 s each on a machine with CPU to spare, and the rest of their time
        // is unexplained: it is blocking the recording could not see.
        List<ThreadTime> threads = List.of(worker(1, 0.8, 80, 0.1), worker(2, 0.8, 80, 0.1), worker(3, 0.8, 80, 0));
        LockModel lock = monitor("app.Counter", 3, 100_000_000L, 1, 2);
        List<Finding> findings = evaluate(model(threads, List.of(lock), 20_000_000L));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("app.Counter");
            // 0.2 s recorded + 2 × 2.1 s unexplained, all on the two threads seen blocking.
            assertThat(f.lostThreadSeconds()).isCloseTo(4.4, org.assertj.core.data.Offset.offset(0.01));
            assertThat(f.evidence()).contains("below the recording's 20.0 ms threshold");
        });
    }

    @Test
    void fineThresholdsOrSaturatedCpuGiveNoBelowThresholdEstimate() {
        LockModel lock = monitor("app.Counter", 3, 100_000_000L, 1, 2);
        List<ThreadTime> idle = List.of(worker(1, 0.8, 80, 0.1), worker(2, 0.8, 80, 0.1));
        assertThat(evaluate(model(idle, List.of(lock), 10_000)))
                .singleElement().satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(0.2,
                        org.assertj.core.data.Offset.offset(0.01)));
        // Three threads using 2.0 s of CPU each over 3 s on 2 cores: the machine was saturated, so
        // off-CPU time may be waiting for a core.
        List<ThreadTime> busy = List.of(worker(1, 2.0, 200, 0.1), worker(2, 2.0, 200, 0.1), worker(3, 2.0, 200, 0));
        assertThat(evaluate(model(busy, List.of(lock), 20_000_000L)))
                .singleElement().satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(0.2,
                        org.assertj.core.data.Offset.offset(0.01)));
    }
}
