package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#OVERSUBSCRIPTION}: more runnable threads than cores. Lost time is the workers'
 * run-queue wait (Linux schedstat); reported only when the application's runnable threads exceeded
 * the cores, so that a machine busy with other processes is not mistaken for it. Without run-queue
 * times (plain JFR, not Linux) the rule reports nothing. Stateless.
 */
public final class OversubscriptionRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;
    /** The runnable application threads must exceed the cores by this many, in the busiest decile of time. */
    public static final double MIN_EXCESS_RUNNABLE = 0.5;

    @Override
    public FindingKind kind() {
        return FindingKind.OVERSUBSCRIPTION;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        int cores = Math.max(1, model.jvm().availableProcessors());
        double runnable = busyDecileRunnable(model);
        if (runnable < cores + MIN_EXCESS_RUNNABLE) {
            return List.of();
        }
        Map<String, Double> lostByGroup = new HashMap<>();
        Map<String, List<Long>> idsByGroup = new HashMap<>();
        double lost = 0;
        for (ThreadTime t : model.workers()) {
            if (t.waitingForCpuSeconds() == null) {
                continue;
            }
            double granted = ledger.claim(t.javaId(), t.waitingForCpuSeconds());
            lost += granted;
            lostByGroup.merge(t.group(), granted, Double::sum);
            idsByGroup.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t.javaId());
        }
        if (lost <= 0 || lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return List.of();
        }
        String group = lostByGroup.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Long> ids = idsByGroup.get(group);
        String where = model.samples().hottest(ids, b -> true, model.timeline().bucketSeconds());
        String title = String.format(Locale.ROOT, "%d %s threads took turns on %d cores: workers waited %s s for a CPU",
                ids.size(), group, cores, Texts.decimal(lost));
        String evidence = String.format(Locale.ROOT,
                "up to %s runnable application threads for %d cores; run-queue wait of the workers %s s"
                        + " (Linux schedstat), %s s of it in %s", Texts.decimal(runnable), cores,
                Texts.decimal(lost), Texts.decimal(lostByGroup.get(group)), group);
        String advice = String.format(Locale.ROOT, "Run at most %d CPU-bound threads at once"
                + " (Runtime.getRuntime().availableProcessors()): size the pool to the cores and split the work"
                + " into tasks instead of threads", cores);
        return List.of(new Finding(kind(), lost, 0, group, where, title, evidence, advice, List.of()));
    }

    /** The runnable application threads in the busiest tenth of the buckets (their 90th percentile). */
    private static double busyDecileRunnable(RecordingModel model) {
        Timeline timeline = model.timeline();
        if (timeline.buckets() == 0) {
            return 0;
        }
        double[] perBucket = new double[timeline.buckets()];
        for (int b = 0; b < perBucket.length; b++) {
            double width = timeline.bucketWidth(b);
            if (width <= 0) {
                continue;
            }
            for (ThreadTime t : model.threads()) {
                if (!t.internal()) {
                    perBucket[b] += Activity.runnable(timeline, t.javaId(), b) / width;
                }
            }
        }
        java.util.Arrays.sort(perBucket);
        return perBucket[(int) Math.floor(0.9 * (perBucket.length - 1))];
    }
}
