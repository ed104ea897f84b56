package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#TASK_OVERHEAD}: tasks so small that submitting and handing them over costs as
 * much as running them. For a pool with many tiny tasks, lost time is its workers' time inside the
 * pool's active period that did not run tasks: idle between tasks (the submitter cannot keep up)
 * and the hand-off itself. Reported when that time per task rivals the median task. Stateless.
 */
public final class TaskOverheadRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;
    /** Only pools that ran at least this many tasks. */
    public static final long MIN_TASKS = 1_000;
    /** Lost time per task must be at least this fraction of the median task's run time. */
    public static final double MIN_OVERHEAD_PER_MEDIAN_TASK = 0.5;

    private static final ThreadState[] NOT_IN_TASKS = {ThreadState.PARKED_IDLE, ThreadState.PARKED_OTHER,
        ThreadState.PARKED_LOCK, ThreadState.BLOCKED, ThreadState.WAITING, ThreadState.OTHER, ThreadState.RUNNING,
        ThreadState.WAITING_FOR_CPU};

    @Override
    public FindingKind kind() {
        return FindingKind.TASK_OVERHEAD;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        List<Finding> findings = new ArrayList<>();
        for (ExecutorModel pool : model.executors()) {
            if (pool.tasks() < MIN_TASKS || pool.workerIds().isEmpty()) {
                continue;
            }
            Finding f = evaluate(model, ledger, pool);
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }

    private Finding evaluate(RecordingModel model, Ledger ledger, ExecutorModel pool) {
        Timeline timeline = model.timeline();
        int[] window = activeWindow(timeline, pool.workerIds());
        if (window == null) {
            return null;
        }
        double workerSeconds = 0;
        for (int b = window[0]; b <= window[1]; b++) {
            workerSeconds += timeline.bucketWidth(b) * pool.workerIds().size();
        }
        double taskSeconds = pool.runTime().totalNanos() / 1e9;
        double overhead = workerSeconds - taskSeconds;
        long medianNanos = pool.runTime().p50Nanos();
        if (overhead <= 0 || overhead / pool.tasks() * 1e9 < MIN_OVERHEAD_PER_MEDIAN_TASK * medianNanos
                || overhead / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return null;
        }
        // Take the pool workers' non-task time, bucket by bucket, in proportion to the overhead.
        double fraction = Math.min(1, overhead / workerSeconds);
        double lost = 0;
        for (long id : pool.workerIds()) {
            for (int b = window[0]; b <= window[1]; b++) {
                lost += ledger.claimStates(id, b, NOT_IN_TASKS, fraction * timeline.bucketWidth(b));
            }
        }
        if (lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return null;
        }
        double perTaskNanos = overhead / pool.tasks() * 1e9;
        String title = String.format(Locale.ROOT, "%,d tiny tasks in %s: handing each over cost %s, the median task ran %s",
                pool.tasks(), pool.name(), Texts.duration((long) perTaskNanos), Texts.duration(medianNanos));
        String evidence = String.format(Locale.ROOT,
                "%,d tasks, median run %s, median queue wait %s; submitting took %s s in all (%s per task);"
                        + " %d workers spent %s s of %s s not running tasks",
                pool.tasks(), Texts.duration(medianNanos), Texts.duration(pool.queueWait().p50Nanos()),
                Texts.decimal(pool.submitNanos() / 1e9),
                Texts.duration(pool.submits() == 0 ? 0 : pool.submitNanos() / pool.submits()),
                pool.workerIds().size(), Texts.decimal(overhead), Texts.decimal(workerSeconds));
        String advice = "Submit fewer, larger tasks: give each task a chunk of the inputs (a few per worker),"
                + (pool.submitSite() != null ? " at " + Texts.shortFrame(pool.submitSite()) : "")
                + " so that a task runs for at least ~100 µs";
        return new Finding(kind(), lost, 0, pool.name(), pool.submitSite(), title, evidence, advice, List.of());
    }

    /** @return the first and last bucket in which any of the threads was busy, or null */
    static int[] activeWindow(Timeline timeline, List<Long> ids) {
        int first = -1;
        int last = -1;
        for (int b = 0; b < timeline.buckets(); b++) {
            for (long id : ids) {
                if (Activity.isBusy(timeline, id, b)) {
                    first = first < 0 ? b : first;
                    last = b;
                    break;
                }
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }
}
