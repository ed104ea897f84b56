package paragent.demo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns the samples of one JDK into Markdown tables: per program and metric, the medians without
 * and with the agent, their ratio, and the spread of per-pair ratios; once over all pairs and once
 * over the pairs where neither run was disturbed; then the disturbance counts. Stateless.
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

    /** One repetition: the run without and the run with the agent. */
    private record Pair(RunSample without, RunSample with) {
        boolean undisturbed() {
            return !without.disturbed() && !with.disturbed();
        }
    }

    private OverheadReport() {
    }

    /** Markdown for {@code samples}, all from one JDK, in the order the programs first appear. */
    static String markdown(List<RunSample> samples) {
        Map<String, List<Pair>> byProgram = pairs(samples);
        StringBuilder md = new StringBuilder();
        md.append("All pairs:\n\n");
        table(md, byProgram, p -> true);
        md.append("\nUndisturbed pairs only (neither run flagged):\n\n");
        table(md, byProgram, Pair::undisturbed);
        md.append("\nDisturbance (foreign CPU = machine busy time − the run's own CPU − the harness's):\n\n");
        md.append("| program | runs | disturbed without agent | disturbed with agent | median foreign CPU ms |"
                + " max foreign CPU ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        byProgram.forEach((program, pairs) -> {
            double[] foreign = pairs.stream()
                    .flatMap(p -> List.of(p.without(), p.with()).stream())
                    .mapToDouble(RunSample::foreignCpuMillis).sorted().toArray();
            long disturbedWithout = pairs.stream().filter(p -> p.without().disturbed()).count();
            long disturbedWith = pairs.stream().filter(p -> p.with().disturbed()).count();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.0f |%n", program, foreign.length,
                    disturbedWithout, disturbedWith, quantile(foreign, 0.5), foreign[foreign.length - 1]));
        });
        return md.toString();
    }

    private static void table(StringBuilder md, Map<String, List<Pair>> byProgram, Predicate<Pair> keep) {
        md.append("| program | metric | pairs | median without | median with | Δ median | ratio of medians |"
                + " per-pair ratio IQR | per-pair ratio min–max |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byProgram.forEach((program, all) -> {
            List<Pair> pairs = all.stream().filter(keep).toList();
            for (Metric metric : Metric.values()) {
                if (metric == Metric.DEMO_WALL && all.get(0).without().demoWallMillis() < 0) {
                    continue;
                }
                if (pairs.isEmpty()) {
                    md.append("| ").append(program).append(" | ").append(metric.label)
                            .append(" | 0 | – | – | – | – | – | – |\n");
                    continue;
                }
                double[] without = sorted(pairs, p -> metric.value.applyAsDouble(p.without()));
                double[] with = sorted(pairs, p -> metric.value.applyAsDouble(p.with()));
                double[] ratios = sorted(pairs,
                        p -> metric.value.applyAsDouble(p.with()) / metric.value.applyAsDouble(p.without()));
                double medWithout = quantile(without, 0.5);
                double medWith = quantile(with, 0.5);
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %.0f | %.0f | %+.0f | %.2f | %.2f–%.2f | %.2f–%.2f |%n", program,
                        metric.label, pairs.size(), medWithout, medWith, medWith - medWithout, medWith / medWithout,
                        quantile(ratios, 0.25), quantile(ratios, 0.75), ratios[0], ratios[ratios.length - 1]));
            }
        });
    }

    private static Map<String, List<Pair>> pairs(List<RunSample> samples) {
        Map<String, Map<Integer, RunSample[]>> grouped = new LinkedHashMap<>();
        for (RunSample s : samples) {
            RunSample[] pair = grouped.computeIfAbsent(s.program(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.pair(), k -> new RunSample[2]);
            pair[s.withAgent() ? 1 : 0] = s;
        }
        Map<String, List<Pair>> result = new LinkedHashMap<>();
        grouped.forEach((program, byIndex) -> {
            List<Pair> pairs = new ArrayList<>();
            byIndex.values().stream().filter(p -> p[0] != null && p[1] != null)
                    .forEach(p -> pairs.add(new Pair(p[0], p[1])));
            result.put(program, pairs);
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
