package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#SERIAL_SECTION}: intervals where one thread works while the other workers wait
 * (a single-threaded phase, a join, a latch). A bucket is serial when exactly one worker is busy
 * and none of the idle workers is its sibling (same thread group): siblings waiting for a sibling
 * are a load imbalance instead. Only in programs that ran in parallel at other times. Lost time is
 * the other live workers' idle time in serial buckets (workers not started yet or ended do not
 * count: start-up before the workers exist is not charged). One finding per lone thread. Stateless.
 */
public final class SerialSectionRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.03;
    /** How many of the serial thread's hottest frames the finding lists. */
    public static final int HOTTEST_FRAMES = 3;
    /** The program must have had at least this many busy workers at once at some time. */
    public static final int MIN_PEAK_PARALLELISM = 2;

    @Override
    public FindingKind kind() {
        return FindingKind.SERIAL_SECTION;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        Timeline timeline = model.timeline();
        List<ThreadTime> workers = model.workers();
        if (workers.size() < 2 || timeline.buckets() == 0) {
            return List.of();
        }
        Map<Long, Set<Integer>> serialBuckets = new HashMap<>();
        int peak = 0;
        for (int b = 0; b < timeline.buckets(); b++) {
            List<ThreadTime> busy = new ArrayList<>();
            for (ThreadTime t : workers) {
                if (Activity.isBusy(timeline, t.javaId(), b)) {
                    busy.add(t);
                }
            }
            peak = Math.max(peak, busy.size());
            if (busy.size() == 1 && !hasSiblings(busy.get(0), workers)) {
                serialBuckets.computeIfAbsent(busy.get(0).javaId(), id -> new HashSet<>()).add(b);
            }
        }
        if (peak < MIN_PEAK_PARALLELISM) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, Set<Integer>> e : serialBuckets.entrySet()) {
            double lost = 0;
            double serialSeconds = 0;
            for (int b : e.getValue()) {
                serialSeconds += timeline.bucketWidth(b);
                for (ThreadTime t : workers) {
                    if (t.javaId() != e.getKey()) {
                        lost += ledger.claimStates(t.javaId(), b, Activity.IDLE_ALIVE, timeline.bucketWidth(b));
                    }
                }
            }
            if (lost > 0 && lost / ledger.totalWorkerSeconds() >= MIN_SHARE) {
                findings.add(finding(model, e.getKey(), e.getValue(), lost, serialSeconds, workers.size()));
            }
        }
        return findings;
    }

    /** @return true when another worker is in the lone thread's group (then it is not serial, but uneven) */
    private static boolean hasSiblings(ThreadTime lone, List<ThreadTime> workers) {
        for (ThreadTime t : workers) {
            if (t.javaId() != lone.javaId() && t.group() != null && t.group().equals(lone.group())) {
                return true;
            }
        }
        return false;
    }

    private Finding finding(RecordingModel model, long javaId, Set<Integer> buckets, double lost,
                            double serialSeconds, int workerCount) {
        ThreadTime lone = model.threads().stream().filter(t -> t.javaId() == javaId).findFirst().orElseThrow();
        List<SiteCount> frames = model.samples().hottest(List.of(javaId), buckets::contains,
                model.timeline().bucketSeconds(), HOTTEST_FRAMES);
        String where = frames.isEmpty() ? null : frames.get(0).frame();
        List<String> detail = new ArrayList<>();
        for (SiteCount frame : frames) {
            detail.add(String.format(Locale.ROOT, "%s ran %s alone: %,d sample%s", lone.name(), frame.frame(),
                    frame.count(), frame.count() == 1 ? "" : "s"));
        }
        String title = String.format(Locale.ROOT, "%s worked alone for %s s while %d other workers waited",
                lone.name(), Texts.decimal(serialSeconds), workerCount - 1);
        String evidence = String.format(Locale.ROOT,
                "%s s of %s s with only %s busy; the other workers were idle %s s in those intervals",
                Texts.decimal(serialSeconds), Texts.decimal(model.wallSeconds()), lone.name(), Texts.decimal(lost));
        String advice = "Parallelize the serial phase"
                + (where != null ? " in " + Texts.shortFrame(where) : "")
                + " (split it among the workers, or overlap it with the parallel work); by Amdahl's law it caps the"
                + " speedup at " + Texts.decimal(model.wallSeconds() / Math.max(serialSeconds, 1e-9)) + "×";
        return new Finding(kind(), lost, 0, lone.name(), where, title, evidence, advice, detail);
    }
}
