package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#TASK_OVERHEAD}: tasks so small that submitting and handing them over costs as
 * much as running them. For a pool with many tiny tasks, lost time is its workers' time inside the
 * pool's active period that did not run tasks (idle between tasks because the submitter cannot
 * keep up, taking the next task from the queue), plus the submitting threads' time feeding the
 * pool (inside submit calls, or, where their samples show more, at the submit site: creating the
 * tasks, and waiting for a core to do it), plus as much of the workers' run-queue wait as the
 * submitters held cores feeding it. Reported when that hand-off per task rivals the median task.
 * Stateless.
 */
public final class TaskOverheadRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;
    /** Only pools that ran at least this many tasks. */
    public static final long MIN_TASKS = 1_000;
    /**
     * The hand-off per task (workers' time outside tasks plus submit time, over the tasks) must be
     * at least this fraction of the median task's run time.
     */
    public static final double MIN_OVERHEAD_PER_MEDIAN_TASK = 0.25;

    /** The submitters' feeding time is named in the evidence when it exceeds the submit calls' by this much. */
    private static final double FEEDING_EVIDENCE_MARGIN_SECONDS = 0.01;

    /** A pool worker's states outside its tasks: waiting for the next, taking it from the queue. */
    private static final ThreadState[] NOT_IN_TASKS = {ThreadState.PARKED_IDLE, ThreadState.PARKED_LOCK,
        ThreadState.BLOCKED, ThreadState.PARKED_OTHER, ThreadState.WAITING, ThreadState.OTHER,
        ThreadState.WAITING_FOR_CPU, ThreadState.RUNNING};
    private static final ThreadState[] WAITING_FOR_CPU = {ThreadState.WAITING_FOR_CPU};
    /** A submitting thread's states while feeding the pool. */
    private static final ThreadState[] SUBMITTING = {ThreadState.RUNNING, ThreadState.WAITING_FOR_CPU,
        ThreadState.PARKED_LOCK, ThreadState.BLOCKED, ThreadState.OTHER};

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
        // A task's run time includes its waits for a core, so a pool whose workers were busy all
        // the time can still have spent as long handing tasks over as running them: the hand-off
        // cost per task counts both sides, the workers' time outside tasks and the submit calls.
        double overhead = Math.max(0, workerSeconds - taskSeconds);
        double perTaskNanos = (overhead + pool.submitNanos() / 1e9) / pool.tasks() * 1e9;
        long medianNanos = pool.runTime().p50Nanos();
        if (perTaskNanos < MIN_OVERHEAD_PER_MEDIAN_TASK * medianNanos) {
            return null;
        }
        // Take the pool workers' non-task time, bucket by bucket, in proportion to the overhead.
        double fraction = workerSeconds > 0 ? Math.min(1, overhead / workerSeconds) : 0;
        double lost = 0;
        for (long id : pool.workerIds()) {
            for (int b = window[0]; b <= window[1]; b++) {
                lost += ledger.claimStates(id, b, NOT_IN_TASKS, fraction * timeline.bucketWidth(b));
            }
        }
        Feeding feeding = claimFeeding(model, ledger, pool, window);
        lost += feeding.claimed() + claimDisplacedWorkers(ledger, pool, feeding.heldCoresSeconds());
        if (lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return null;
        }
        String title = String.format(Locale.ROOT, "%,d tiny tasks in %s: handing each over cost %s, the median task ran %s",
                pool.tasks(), pool.name(), Texts.duration((long) perTaskNanos), Texts.duration(medianNanos));
        String evidence = String.format(Locale.ROOT,
                "%,d tasks, median run %s, median queue wait %s; submitting took %s s in all (%s per task);"
                        + " %d workers spent %s s of %s s not running tasks",
                pool.tasks(), Texts.duration(medianNanos), Texts.duration(pool.queueWait().p50Nanos()),
                Texts.decimal(pool.submitNanos() / 1e9),
                Texts.duration(pool.submits() == 0 ? 0 : pool.submitNanos() / pool.submits()),
                pool.workerIds().size(), Texts.decimal(overhead), Texts.decimal(workerSeconds));
        if (feeding.claimed() > pool.submitNanos() / 1e9 + FEEDING_EVIDENCE_MARGIN_SECONDS) {
            evidence += String.format(Locale.ROOT, "; the submitting threads spent %s s feeding the pool (by their"
                    + " samples at the submit site: creating tasks, submitting them, waiting for a core)",
                    Texts.decimal(feeding.claimed()));
        }
        String advice = "Submit fewer, larger tasks: give each task a chunk of the inputs (a few per worker),"
                + (pool.submitSite() != null ? " at " + Texts.shortFrame(pool.submitSite()) : "")
                + " so that a task runs for at least ~100 µs";
        return new Finding(kind(), lost, 0, pool.name(), pool.submitSite(), title, evidence, advice, List.of());
    }

    /**
     * What the submitting threads spent feeding the pool: the time claimed from them, and the part
     * of it they ran on a core.
     */
    private record Feeding(double claimed, double heldCoresSeconds) {
    }

    /**
     * The submitting threads' time feeding the pool, charged to the workers outside the pool whose
     * samples sit at its submit site. Each one's is the larger of two measures: its share (by
     * samples at the site) of the time inside submit calls, and its share of samples at the site
     * times its time running or waiting for a core while the pool was active. Submit calls are
     * not all of it: in {@code pool} on JDK 25 main's samples sat 79% at the submit site, creating
     * tasks around calls that took 0.25 s of its time, and main's own wait for a core (0.4-0.5 s,
     * three threads on two cores) then came out as {@code OVERSUBSCRIPTION} of thread main, a
     * close second to this finding.
     */
    private static Feeding claimFeeding(RecordingModel model, Ledger ledger, ExecutorModel pool, int[] window) {
        if (pool.submitSite() == null) {
            return new Feeding(0, 0);
        }
        Map<Long, Long> atSite = new HashMap<>();
        long total = 0;
        for (ThreadTime t : model.workers()) {
            long n = pool.workerIds().contains(t.javaId()) ? 0 : model.samples().count(t.javaId(), pool.submitSite());
            if (n > 0) {
                atSite.put(t.javaId(), n);
                total += n;
            }
        }
        double claimed = 0;
        double heldCores = 0;
        for (Map.Entry<Long, Long> e : atSite.entrySet()) {
            long id = e.getKey();
            double inCalls = pool.submitNanos() / 1e9 * e.getValue() / total;
            String[] frames = model.samples().frames().get(id);
            double atSiteShare = (double) e.getValue() / frames.length;
            Timeline timeline = model.timeline();
            double running = atSiteShare * timeline.total(id, ThreadState.RUNNING, window[0], window[1]);
            double waiting = atSiteShare * timeline.total(id, ThreadState.WAITING_FOR_CPU, window[0], window[1]);
            claimed += ledger.claimSpread(id, SUBMITTING, Math.max(inCalls, running + waiting));
            heldCores += Math.max(inCalls, running);
        }
        return new Feeding(claimed, heldCores);
    }

    /**
     * While the submitting threads fed the pool they held cores the workers could have used: the
     * workers' run-queue wait, up to the time the submitters ran feeding it, is charged to the
     * hand-off too.
     */
    private static double claimDisplacedWorkers(Ledger ledger, ExecutorModel pool, double submittingSeconds) {
        Map<Long, Double> waiting = new HashMap<>();
        double total = 0;
        for (long id : pool.workerIds()) {
            double w = ledger.remaining(id, ThreadState.WAITING_FOR_CPU);
            waiting.put(id, w);
            total += w;
        }
        double displaced = Math.min(total, submittingSeconds);
        double claimed = 0;
        for (Map.Entry<Long, Double> e : waiting.entrySet()) {
            if (e.getValue() > 0) {
                claimed += ledger.claimSpread(e.getKey(), WAITING_FOR_CPU, displaced * e.getValue() / total);
            }
        }
        return claimed;
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
