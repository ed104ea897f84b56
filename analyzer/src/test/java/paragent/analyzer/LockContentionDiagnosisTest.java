package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.testing.Workloads;

/** End to end on real recordings made in this JVM: the planted lock is found, the clean run is clean. */
class LockContentionDiagnosisTest {

    @Test
    void hotSynchronizedCounterIsLockContentionOnItsClass() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());

        Finding top = analysis.findings().get(0);
        assertThat(top.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
        assertThat(top.subject()).isEqualTo(Workloads.SharedCounter.class.getName());
        assertThat(top.where()).startsWith(Workloads.SharedCounter.class.getName() + ".increment(Workloads.java:");
        assertThat(top.share()).isGreaterThan(0.05).isLessThanOrEqualTo(1.0);
        assertThat(analysis.threads()).filteredOn(t -> t.name().startsWith("worker-")).hasSize(3).allMatch(ThreadTime::worker);
        assertThat(analysis.workerThreads()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void blockedTimeSumsMonitorEnterEvents() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());
        LockModel lock = analysis.locks().stream().filter(l -> l.key().kind() == LockKind.MONITOR).findFirst().orElseThrow();
        double blockedSeconds = analysis.threads().stream().mapToDouble(ThreadTime::blockedSeconds).sum();

        assertThat(lock.waits().count()).isPositive();
        double monitorWaitSeconds = analysis.locks().stream().filter(l -> l.key().kind() == LockKind.MONITOR)
                .mapToLong(l -> l.waits().totalNanos()).sum() / 1e9;
        assertThat(blockedSeconds).isCloseTo(monitorWaitSeconds, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lock.holders()).isNotEmpty();
    }

    @Test
    void paragentLockEventsGiveReentrantLockContentionWithExactTotals() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.paragentLockContention());

        Finding top = analysis.findings().get(0);
        assertThat(top.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
        assertThat(top.subject()).isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(top.where()).contains(Workloads.InstrumentedLock.class.getName()).contains("(Workloads.java:");
        assertThat(top.share()).isGreaterThan(0.05);
        LockModel lock = analysis.locks().get(0);
        assertThat(lock.key().kind()).isEqualTo(LockKind.JUC);
        assertThat(lock.waits().count()).isGreaterThanOrEqualTo(lock.waiters().stream().mapToLong(w -> w.waits()).sum());
        assertThat(lock.waits().p99Nanos()).isPositive();
        assertThat(lock.holders()).isNotEmpty();
        assertThat(analysis.jvm().command()).contains("paragent-lock.jfr");
        assertThat(analysis.samplePeriodNanos()).isEqualTo(10_000_000L);
    }

    @Test
    void plainRecordingMapsParkedSyncClassToReentrantLock() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.plainLockContention());

        Finding top = analysis.findings().get(0);
        assertThat(top.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
        assertThat(top.subject()).isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(top.where()).startsWith(Workloads.PlainLockUser.class.getName() + ".lockedWork(Workloads.java:");
        assertThat(top.share()).isGreaterThan(0.05);
    }

    @Test
    void localWorkProducesNoLockContentionAndLatchWaitsAreNotLocks() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.uncontended());

        List<Finding> contention = analysis.findings().stream()
                .filter(f -> f.kind() == FindingKind.LOCK_CONTENTION && f.share() > 0.05).toList();
        assertThat(contention).isEmpty();
        assertThat(analysis.locks()).noneMatch(l -> l.key().lockClass().contains("CountDownLatch"));
        assertThat(analysis.threads()).filteredOn(t -> t.name().startsWith("worker-")).hasSize(4).allMatch(ThreadTime::worker);
        assertThat(analysis.threads()).filteredOn(t -> t.name().startsWith("JFR ")).noneMatch(ThreadTime::worker);
    }
}
