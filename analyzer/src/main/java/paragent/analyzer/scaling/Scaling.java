package paragent.analyzer.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import paragent.analyzer.RecordingException;
import paragent.analyzer.diagnosis.Finding;

/**
 * Entry point of the scaling analysis: analyzes runs of one program at several thread counts and
 * explains the missing speedup. Stateless; thread-safe.
 *
 * <p>A run's time is its root recording's length. Per count: the median wall time, the speedup
 * against the 1-thread median, efficiency, the Karp–Flatt serial fraction, and the speedup stack of
 * the representative run (the one with the median wall time; the lower of the two middle ones for
 * an even number of runs) against the representative 1-thread run (see {@link Stacks}). Amdahl and
 * USL are fitted to the median speedups; the causes are ranked by what they cost at the largest count.
 */
public final class Scaling {

    /** A run during which other processes used more than this many cores on average is disturbed. */
    public static final double DISTURBED_FOREIGN_CORES = 0.25;

    private Scaling() {
    }

    /**
     * @param command the command that was run, or null
     * @param inputs the runs, in the order they ran; at least one at 1 thread
     * @return the analysis
     * @throws RecordingException with a one-line message when a recording cannot be analyzed or no
     *     run at 1 thread was given
     */
    public static ScalingReport analyze(String command, List<ScalingInput> inputs) throws RecordingException {
        requireOneThreadRun(inputs.stream().mapToInt(ScalingInput::threads).boxed().toList());
        Map<Integer, Integer> repeats = new TreeMap<>();
        List<RunAnalysis> runs = new ArrayList<>();
        for (ScalingInput input : inputs) {
            runs.add(RunAnalysis.load(input, repeats.merge(input.threads(), 1, Integer::sum)));
        }
        return analyzeRuns(command, runs);
    }

    /**
     * @param command the command that was run, or null
     * @param runs the analyzed runs, in the order they ran; at least one at 1 thread
     * @return the analysis
     */
    static ScalingReport analyzeRuns(String command, List<RunAnalysis> runs) throws RecordingException {
        requireOneThreadRun(runs.stream().map(r -> r.result().threads()).toList());
        Map<Integer, List<RunAnalysis>> byCount = new TreeMap<>();
        runs.forEach(r -> byCount.computeIfAbsent(r.result().threads(), n -> new ArrayList<>()).add(r));
        List<RunAnalysis> ones = byCount.get(1);
        double oneWall = median(walls(ones));
        RunAnalysis oneRepresentative = representative(ones);
        List<CountResult> counts = new ArrayList<>();
        List<Fits.Point> points = new ArrayList<>();
        for (Map.Entry<Integer, List<RunAnalysis>> e : byCount.entrySet()) {
            CountResult count = count(e.getKey(), e.getValue(), oneWall, oneRepresentative);
            counts.add(count);
            points.add(new Fits.Point(count.threads(), count.speedup()));
        }
        int largest = counts.get(counts.size() - 1).threads();
        List<Finding> findings = ScalingFindings.findings(counts.get(counts.size() - 1).stack(), oneRepresentative,
                representative(byCount.get(largest)));
        return new ScalingReport(command, oneRepresentative.cores(), runs.stream().map(RunAnalysis::result).toList(),
                counts, Fits.amdahl(points), Fits.usl(points), findings, warnings(runs, counts));
    }

    private static CountResult count(int threads, List<RunAnalysis> runs, double oneWall, RunAnalysis one) {
        double[] walls = walls(runs);
        double median = median(walls);
        double min = Arrays.stream(walls).min().orElseThrow();
        double max = Arrays.stream(walls).max().orElseThrow();
        double speedup = oneWall / median;
        double spread = oneWall / min - oneWall / max;
        Double karpFlatt = threads > 1 ? (1 / speedup - 1.0 / threads) / (1 - 1.0 / threads) : null;
        SpeedupStack stack = Stacks.stack(threads, one.result(), representative(runs).result(), spread);
        return new CountResult(threads, runs.size(), median, min, max, speedup, oneWall / max, oneWall / min,
                speedup / threads, karpFlatt, stack);
    }

    private static List<String> warnings(List<RunAnalysis> runs, List<CountResult> counts) {
        List<String> warnings = new ArrayList<>();
        for (RunAnalysis run : runs) {
            RunResult r = run.result();
            if (r.disturbed()) {
                warnings.add(String.format(Locale.ROOT, "the run at %d thread%s (repeat %d, %s) was disturbed: other"
                                + " processes used %.2f cores on average (more than %.2f), so its time is less reliable",
                        r.threads(), r.threads() == 1 ? "" : "s", r.repeat(), r.recordings().get(0), r.foreignCores(),
                        DISTURBED_FOREIGN_CORES));
            }
        }
        for (CountResult count : counts) {
            if (count.stack().note() != null) {
                warnings.add("at " + count.threads() + " threads: " + count.stack().note());
            }
        }
        return warnings;
    }

    private static void requireOneThreadRun(List<Integer> threads) throws RecordingException {
        if (!threads.contains(1)) {
            throw new RecordingException("no run at 1 thread: the speedup needs a 1-thread run (add 1 to --threads)");
        }
    }

    /** @return the run with the median wall time; of an even number, the lower of the two middle ones */
    static RunAnalysis representative(List<RunAnalysis> runs) {
        List<RunAnalysis> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(r -> r.result().wallSeconds())).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** @return the median; of an even number of values, the mean of the two middle ones */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] walls(List<RunAnalysis> runs) {
        return runs.stream().mapToDouble(r -> r.result().wallSeconds()).toArray();
    }
}
