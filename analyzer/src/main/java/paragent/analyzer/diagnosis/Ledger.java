package paragent.analyzer.diagnosis;

import java.util.HashMap;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * The worker-thread time the rules of one diagnosis may still attribute, so that no thread-second
 * is counted twice across findings. Each worker has a budget of the recording's length; rules that
 * attribute whole amounts ({@link #claim}) draw on the budget, rules that attribute time in given
 * buckets and states ({@link #claimStates}) also take that time out of a working copy of the
 * timeline, so a later rule cannot take it again. Confined to one diagnosis.
 */
public final class Ledger {

    private final RecordingModel model;
    private final double totalWorkerSeconds;
    private final Map<Long, Double> budget = new HashMap<>();
    private final Map<Long, float[][]> timeline = new HashMap<>();

    /** A fresh ledger over the model's workers. */
    public Ledger(RecordingModel model) {
        this.model = model;
        this.totalWorkerSeconds = model.workers().size() * model.wallSeconds();
        for (ThreadTime t : model.workers()) {
            budget.put(t.javaId(), model.wallSeconds());
        }
    }

    /** @return {@code workerThreads × wallSeconds}, the share denominator */
    public double totalWorkerSeconds() {
        return totalWorkerSeconds;
    }

    /**
     * Attributes up to {@code seconds} of a worker's time.
     *
     * @return the seconds granted: less when the worker's budget is smaller; 0 for a non-worker
     */
    public double claim(long javaId, double seconds) {
        Double left = budget.get(javaId);
        if (left == null || seconds <= 0) {
            return 0;
        }
        double granted = Math.min(left, seconds);
        budget.put(javaId, left - granted);
        return granted;
    }

    /**
     * Attributes a worker's time in one bucket, taken from {@code states} in order, at most {@code max}.
     *
     * @return the seconds granted
     */
    public double claimStates(long javaId, int bucket, ThreadState[] states, double max) {
        float[][] s = working(javaId);
        if (s == null || max <= 0) {
            return 0;
        }
        double wanted = max;
        double taken = 0;
        for (ThreadState state : states) {
            double take = Math.min(wanted - taken, s[state.ordinal()][bucket]);
            if (take > 0) {
                s[state.ordinal()][bucket] -= (float) take;
                taken += take;
            }
        }
        return claim(javaId, taken);
    }

    /** @return a worker's seconds in {@code state} in {@code bucket} not yet taken; 0 for a non-worker */
    public double available(long javaId, ThreadState state, int bucket) {
        float[][] s = working(javaId);
        return s == null ? 0 : s[state.ordinal()][bucket];
    }

    private float[][] working(long javaId) {
        if (!budget.containsKey(javaId)) {
            return null;
        }
        return timeline.computeIfAbsent(javaId, id -> {
            Timeline t = model.timeline();
            float[][] copy = t.mutableCopy(id);
            return copy != null ? copy : new float[ThreadState.values().length][t.buckets()];
        });
    }
}
