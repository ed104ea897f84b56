package paragent.analyzer.diagnosis;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * The worker-thread time the rules of one diagnosis may still attribute, so that no thread-second
 * is counted twice across findings. Each worker has a budget of the recording's length, and a
 * working copy of its timeline: a rule takes time out of given states, in one bucket
 * ({@link #claimStates}) or spread over all buckets ({@link #claimSpread}), so a later rule cannot
 * take the same seconds again. Time a rule attributes outside the timeline (e.g. estimated
 * spinning beyond the running time) draws on the budget alone ({@link #claim}). Every grant is
 * tallied for the kind of the rule claiming ({@link #claimingFor}), whether or not the rule then
 * reports it, so the scaling analysis can compare causes across runs without the findings'
 * thresholds. Confined to one diagnosis.
 */
public final class Ledger {

    private final RecordingModel model;
    private final double totalWorkerSeconds;
    private final Map<Long, Double> budget = new HashMap<>();
    private final Map<Long, float[][]> timeline = new HashMap<>();
    private final Map<FindingKind, Double> granted = new EnumMap<>(FindingKind.class);
    private FindingKind claimant;

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

    /** Tallies the grants from now on for {@code kind}: the kind of the rule about to claim. */
    void claimingFor(FindingKind kind) {
        claimant = kind;
    }

    /** @return per kind, every second granted while that kind was claiming; kinds granted nothing are absent */
    Map<FindingKind, Double> grantedSeconds() {
        Map<FindingKind, Double> copy = new EnumMap<>(FindingKind.class);
        granted.forEach((kind, seconds) -> {
            if (seconds > 0) {
                copy.put(kind, seconds);
            }
        });
        return copy;
    }

    /**
     * @return per timeline bucket, the workers' time the claims so far took out of the timeline
     *     (claims drawn on the budget alone are not in it)
     */
    double[] claimedPerBucket() {
        return claimedPerBucket(ThreadState.values());
    }

    /** @return per timeline bucket, the workers' time in any of {@code states} the claims so far took */
    double[] claimedPerBucket(ThreadState... states) {
        Timeline t = model.timeline();
        double[] claimed = new double[t.buckets()];
        for (long javaId : budget.keySet()) {
            float[][] original = t.seconds().get(javaId);
            float[][] left = timeline.get(javaId);
            if (original == null || left == null) {
                continue;
            }
            for (ThreadState state : states) {
                for (int b = 0; b < claimed.length; b++) {
                    claimed[b] += original[state.ordinal()][b] - left[state.ordinal()][b];
                }
            }
        }
        return claimed;
    }

    /** @return per timeline bucket, the workers' time in any of {@code states} no claim took */
    double[] unclaimedPerBucket(ThreadState... states) {
        double[] left = new double[model.timeline().buckets()];
        for (long javaId : budget.keySet()) {
            for (ThreadState state : states) {
                float[] row = working(javaId)[state.ordinal()];
                for (int b = 0; b < left.length; b++) {
                    left[b] += row[b];
                }
            }
        }
        return left;
    }

    /** @return the workers' time in {@code state} no claim took, summed */
    double unclaimedSeconds(ThreadState state) {
        double sum = 0;
        for (long javaId : budget.keySet()) {
            sum += remaining(javaId, state);
        }
        return sum;
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
        double grant = Math.min(left, seconds);
        budget.put(javaId, left - grant);
        if (claimant != null) {
            granted.merge(claimant, grant, Double::sum);
        }
        return grant;
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

    /**
     * Attributes up to {@code seconds} of a worker's time, taken from {@code states} in order, each
     * over all buckets in proportion to what each bucket holds; time beyond what the states hold is
     * drawn from the budget alone.
     *
     * @return the seconds granted
     */
    public double claimSpread(long javaId, ThreadState[] states, double seconds) {
        float[][] s = working(javaId);
        if (s == null || seconds <= 0) {
            return 0;
        }
        double left = seconds;
        for (ThreadState state : states) {
            float[] row = s[state.ordinal()];
            double held = 0;
            for (float v : row) {
                held += v;
            }
            double take = Math.min(left, held);
            if (take <= 0) {
                continue;
            }
            double keep = 1 - take / held;
            for (int b = 0; b < row.length; b++) {
                row[b] = (float) (row[b] * keep);
            }
            left -= take;
        }
        return claim(javaId, seconds);
    }

    /** @return a worker's seconds in {@code state} over all buckets not yet taken; 0 for a non-worker */
    public double remaining(long javaId, ThreadState state) {
        float[][] s = working(javaId);
        double sum = 0;
        for (int b = 0; s != null && b < s[state.ordinal()].length; b++) {
            sum += s[state.ordinal()][b];
        }
        return sum;
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
