package paragent.demo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns the samples of one JDK into Markdown tables: per program, side with the agent and metric,
 * the medians without and with the agent, their ratio, and the spread of per-round ratios; once
 * over all rounds and once over the rounds where neither compared run was disturbed; then the
 * disturbance counts. Also finds the runs whose {@code result=} differs from the same round's run
 * without the agent. Stateless.
 */
final class OverheadReport {

    /** A per-run figure the report compares. */
    private enum Metric {
        PROCESS_WALL("process wall ms", RunSample::processWallMillis),
        DEMO_WALL("demo wallMillis", s -> s.demoWallMillis()),
        CPU("CPU ms", RunSample::cpuMillis);

        final String label;
        final ToDoubleFunction<RunSample> value;

        Metric(String label, ToDoubleFunction<RunSample> value) {
            this.label = label;
            this.value = value;
        }
    }

    /** One round's run without the agent and its run on one other side. */
    record Pair(RunSample without, RunSample with) {
        boolean undisturbed() {
            return !without.disturbed() && !with.disturbed();
        }
    }

    /** The figures of one table row: medians of both sides and the per-pair ratios' quartiles and extremes. */
    record Row(int pairs, double medianWithout, double medianWith, double ratioOfMedians, double ratioQ1,
            double ratioQ3, double ratioMin, double ratioMax) {
    }

    private OverheadReport() {
    }

    /** Markdown for {@code samples}, all from one JDK, in the order the programs first appear. */
    static String markdown(List<RunSample> samples) {
        Map<String, Map<Side, List<Pair>>> byProgram = pairs(samples);
        StringBuilder md = new StringBuilder();
        md.append("All rounds:\n\n");
        table(md, byProgram, p -> true);
        md.append("\nUndisturbed pairs only (neither run flagged):\n\n");
        table(md, byProgram, Pair::undisturbed);
        md.append("\nDisturbance (foreign CPU = machine busy time − the run's own CPU − the harness's):\n\n");
        md.append("| program | side | runs | disturbed | median foreign CPU ms | max foreign CPU ms |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        Map<String, Map<Side, List<RunSample>>> runs = new LinkedHashMap<>();
        for (RunSample s : samples) {
            runs.computeIfAbsent(s.program(), k -> new EnumMap<>(Side.class))
                    .computeIfAbsent(s.side(), k -> new ArrayList<>()).add(s);
        }
        runs.forEach((program, bySide) -> bySide.forEach((side, list) -> {
            double[] foreign = list.stream().mapToDouble(RunSample::foreignCpuMillis).sorted().toArray();
            long disturbed = list.stream().filter(RunSample::disturbed).count();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %.0f |%n", program, side.label,
                    foreign.length, disturbed, quantile(foreign, 0.5), foreign[foreign.length - 1]));
        }));
        return md.toString();
    }

    /**
     * Every run with the agent whose {@code result=} differs from the run without the agent of the
     * same program and round, as one line each; empty when the agent changed no result.
     */
    static List<String> resultMismatches(List<RunSample> samples) {
        List<String> mismatches = new ArrayList<>();
        pairs(samples).forEach((program, bySide) -> bySide.forEach((side, pairs) -> {
            for (Pair p : pairs) {
                if (!p.with().result().equals(p.without().result())) {
                    mismatches.add(String.format(Locale.ROOT, "%s round %d: %s printed result=%s, none printed result=%s",
                            program, p.with().pair() + 1, side.label, p.with().result(), p.without().result()));
                }
            }
        }));
        return mismatches;
    }

    private static void table(StringBuilder md, Map<String, Map<Side, List<Pair>>> byProgram, Predicate<Pair> keep) {
        md.append("| program | side | metric | pairs | median none | median side | Δ median | ratio of medians |"
                + " per-pair ratio IQR | per-pair ratio min–max |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byProgram.forEach((program, bySide) -> bySide.forEach((side, all) -> {
            for (Metric metric : Metric.values()) {
                if (metric == Metric.DEMO_WALL && all.get(0).without().demoWallMillis() < 0) {
                    continue;
                }
                List<Pair> pairs = all.stream().filter(keep).toList();
                md.append("| ").append(program).append(" | ").append(side.label).append(" | ").append(metric.label);
                if (pairs.isEmpty()) {
                    md.append(" | 0 | – | – | – | – | – | – |\n");
                    continue;
                }
                Row r = row(pairs, metric.value);
                md.append(String.format(Locale.ROOT, " | %d | %.0f | %.0f | %+.0f | %.3f | %.3f–%.3f | %.3f–%.3f |%n",
                        r.pairs(), r.medianWithout(), r.medianWith(), r.medianWith() - r.medianWithout(),
                        r.ratioOfMedians(), r.ratioQ1(), r.ratioQ3(), r.ratioMin(), r.ratioMax()));
            }
        }));
    }

    /** The statistics of one metric over {@code pairs} (non-empty). */
    static Row row(List<Pair> pairs, ToDoubleFunction<RunSample> metric) {
        double[] without = sorted(pairs, p -> metric.applyAsDouble(p.without()));
        double[] with = sorted(pairs, p -> metric.applyAsDouble(p.with()));
        double[] ratios = sorted(pairs, p -> metric.applyAsDouble(p.with()) / metric.applyAsDouble(p.without()));
        double medWithout = quantile(without, 0.5);
        double medWith = quantile(with, 0.5);
        return new Row(pairs.size(), medWithout, medWith, medWith / medWithout, quantile(ratios, 0.25),
                quantile(ratios, 0.75), ratios[0], ratios[ratios.length - 1]);
    }

    /**
     * Per program (in first-seen order) and per side with the agent, the rounds in which both that
     * side and {@link Side#NONE} ran, as pairs.
     */
    static Map<String, Map<Side, List<Pair>>> pairs(List<RunSample> samples) {
        Map<String, Map<Integer, Map<Side, RunSample>>> grouped = new LinkedHashMap<>();
        for (RunSample s : samples) {
            grouped.computeIfAbsent(s.program(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.pair(), k -> new EnumMap<>(Side.class)).put(s.side(), s);
        }
        Map<String, Map<Side, List<Pair>>> result = new LinkedHashMap<>();
        grouped.forEach((program, byRound) -> {
            Map<Side, List<Pair>> bySide = new EnumMap<>(Side.class);
            for (Map<Side, RunSample> round : byRound.values()) {
                RunSample without = round.get(Side.NONE);
                round.forEach((side, run) -> {
                    if (side != Side.NONE && without != null) {
                        bySide.computeIfAbsent(side, k -> new ArrayList<>()).add(new Pair(without, run));
                    }
                });
            }
            result.put(program, bySide);
        });
        return result;
    }

    private static double[] sorted(List<Pair> pairs, ToDoubleFunction<Pair> value) {
        double[] values = pairs.stream().mapToDouble(value).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Linear interpolation between closest ranks (R's type 7); {@code sorted} must be non-empty. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
