package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#OVERSUBSCRIPTION}: more runnable threads than cores. Lost time is the workers'
 * run-queue wait (Linux schedstat) that the program imposed on itself: in each time bucket, the
 * part of it matching the program's runnable threads beyond the cores; wait behind other
 * processes on a busy machine is not counted. Reported only when the application's runnable
 * threads exceeded the cores. Without run-queue times (plain JFR, not Linux) the rule reports
 * nothing. Stateless.
 */
public final class OversubscriptionRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;
    /** The runnable application threads must exceed the cores by this many, in the busiest decile of time. */
    public static final double MIN_EXCESS_RUNNABLE = 0.5;

    private static final ThreadState[] WAITING_FOR_CPU = {ThreadState.WAITING_FOR_CPU};

    @Override
    public FindingKind kind() {
        return FindingKind.OVERSUBSCRIPTION;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        int cores = Math.max(1, model.jvm().availableProcessors());
        Demand demand = Demand.of(model);
        double runnable = demand.busyDecileRunnable(model.timeline());
        if (runnable < cores + MIN_EXCESS_RUNNABLE) {
            return List.of();
        }
        double[] selfImposed = demand.selfImposedFraction(model.timeline(), cores);
        Map<String, Double> lostByGroup = new HashMap<>();
        Map<String, List<Long>> idsByGroup = new HashMap<>();
        double lost = 0;
        double measured = 0;
        for (ThreadTime t : model.workers()) {
            float[][] s = model.timeline().seconds().get(t.javaId());
            if (t.waitingForCpuSeconds() == null || s == null) {
                continue;
            }
            double granted = 0;
            for (int b = 0; b < selfImposed.length; b++) {
                granted += ledger.claimStates(t.javaId(), b, WAITING_FOR_CPU,
                        s[ThreadState.WAITING_FOR_CPU.ordinal()][b] * selfImposed[b]);
            }
            measured += t.waitingForCpuSeconds();
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
                        + " (Linux schedstat), %s s of it caused by the program's own threads in excess of the"
                        + " cores, %s s in %s", Texts.decimal(runnable), cores, Texts.decimal(measured),
                Texts.decimal(lost), Texts.decimal(lostByGroup.get(group)), group);
        String advice = String.format(Locale.ROOT, "Run at most %d CPU-bound threads at once"
                + " (Runtime.getRuntime().availableProcessors()): size the pool to the cores and split the work"
                + " into tasks instead of threads", cores);
        return List.of(new Finding(kind(), lost, 0, group, where, title, evidence, advice, List.of()));
    }

    /**
     * Per bucket, the application threads' seconds on a CPU or waiting for one ({@code runnable}),
     * and of those, waiting for one ({@code waiting}); read once from the timeline.
     */
    private record Demand(double[] runnable, double[] waiting) {

        static Demand of(RecordingModel model) {
            Timeline timeline = model.timeline();
            double[] runnable = new double[timeline.buckets()];
            double[] waiting = new double[timeline.buckets()];
            for (ThreadTime t : model.threads()) {
                float[][] s = timeline.seconds().get(t.javaId());
                if (t.internal() || s == null) {
                    continue;
                }
                for (int b = 0; b < runnable.length; b++) {
                    runnable[b] += Activity.runnable(timeline, t.javaId(), b);
                    waiting[b] += s[ThreadState.WAITING_FOR_CPU.ordinal()][b];
                }
            }
            return new Demand(runnable, waiting);
        }

        /**
         * Per bucket, the fraction of the workers' run-queue wait the program imposed on itself: its
         * runnable threads beyond the cores ({@code demand − cores}) over all its run-queue wait. Wait
         * while the program's own demand fit the cores is other processes' doing, not oversubscription.
         */
        double[] selfImposedFraction(Timeline timeline, int cores) {
            double[] fraction = new double[runnable.length];
            for (int b = 0; b < fraction.length; b++) {
                double excess = runnable[b] - cores * timeline.bucketWidth(b);
                fraction[b] = waiting[b] > 0 && excess > 0 ? Math.min(1, excess / waiting[b]) : 0;
            }
            return fraction;
        }

        /** The runnable application threads in the busiest tenth of the buckets (their 90th percentile). */
        double busyDecileRunnable(Timeline timeline) {
            if (runnable.length == 0) {
                return 0;
            }
            double[] threads = new double[runnable.length];
            for (int b = 0; b < threads.length; b++) {
                double width = timeline.bucketWidth(b);
                threads[b] = width > 0 ? runnable[b] / width : 0;
            }
            Arrays.sort(threads);
            return threads[(int) Math.floor(0.9 * (threads.length - 1))];
        }
    }
}
