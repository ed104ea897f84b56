package paragent.analyzer.testing;

import java.util.List;
import java.util.Map;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.Fit;
import paragent.analyzer.scaling.RunResult;
import paragent.analyzer.scaling.ScalingReport;
import paragent.analyzer.scaling.SpeedupStack;
import paragent.analyzer.scaling.StackComponent;

/**
 * Hand-made scaling reports with realistic numbers: a program whose 1-thread run takes 4 s, run at
 * 1, 2, 4 and 8 threads twice each, losing speedup mostly to CPU-time inflation (a shared
 * {@code java.util.Random}) and a little to a lock; every stack adds up to its thread count.
 */
public final class ScalingReports {

    private ScalingReports() {
    }

    /** @return the 1, 2, 4, 8 report with both fits usable, one disturbed run and recorded strings to escape */
    public static ScalingReport oneToEight() {
        return new ScalingReport("java -jar app.jar --threads {threads} --name <b>&co", 8, runs(),
                List.of(count(1, 4.0, 3.98, 4.08, 0.98, 1.005, null, stack(1, 1.0, List.of(), 0.0, 0.025, null)),
                        count(2, 2.2, 2.15, 2.3, 1.739, 1.860, 0.1, stack(2, 1.818, List.of(
                                new StackComponent("CPU_TIME_INFLATION", 0.12, 0.264, false),
                                new StackComponent("LOCK_CONTENTION", 0.04, 0.088, true)), 0.022, 0.121, null)),
                        count(4, 1.4, 1.38, 1.45, 2.759, 2.899, 0.1333, stack(4, 2.857, List.of(
                                new StackComponent("CPU_TIME_INFLATION", 0.7, 0.98, false),
                                new StackComponent("LOCK_CONTENTION", 0.3, 0.42, false)), 0.143, 0.14, null)),
                        count(8, 1.1, 1.0, 1.2, 3.333, 4.0, 0.1714, stack(8, 3.636, List.of(
                                new StackComponent("CPU_TIME_INFLATION", 2.9, 3.19, false),
                                new StackComponent("LOCK_CONTENTION", 1.1, 1.21, false),
                                new StackComponent("GC", -0.05, -0.055, true)), 0.414, 0.667,
                                "repeats differ by 0.67 in speedup, more than GC's 0.05: rerun with more --repeat "
                                        + "or a quieter machine"))),
                new Fit("amdahl", Map.of("serialFraction", 0.14), 0.97, null, 7.1429, true, null),
                new Fit("usl", Map.of("sigma", 0.08, "kappa", 0.012), 0.99, 8.756, 3.71, true, null),
                findings(),
                List.of("t8-r2 was disturbed: other processes used 0.60 cores <on average>",
                        "repeats differ by 0.67 in speedup at 8 threads, more than GC's 0.05"));
    }

    /**
     * @return a report of recordings given directly at 1 and 2 threads, one run each, no disturbance
     *     measured: too few counts for the USL
     */
    public static ScalingReport oneAndTwo() {
        RunResult one = new RunResult(1, 1, List.of("one.jfr"), 3.0, 3.1, 1, Map.of(FindingKind.GC, 0.05), 2.95, null,
                false);
        RunResult two = new RunResult(2, 1, List.of("two.jfr"), 2.0, 3.9, 2, Map.of(), 3.7, null, false);
        return new ScalingReport(null, 2, List.of(one, two),
                List.of(count(1, 1, 3.0, 3.0, 3.0, 1.0, 1.0, null, stack(1, 1.0, List.of(), 0.0, 0.0, null)),
                        count(2, 1, 2.0, 2.0, 2.0, 1.5, 1.5, 0.3333, stack(2, 1.5, List.of(
                                new StackComponent("CPU_TIME_INFLATION", 0.375, 0.75, false)), 0.125, 0.0, null))),
                new Fit("amdahl", Map.of("serialFraction", 0.3333), 1.0, null, 3.0, true, null),
                new Fit("usl", Map.of("sigma", 0.3333), Double.NaN, null, null, false,
                        "the USL needs at least 3 thread counts; σ fitted with κ = 0"),
                List.of(), List.of());
    }

    private static CountResult count(int threads, double wall, double wallMin, double wallMax, double speedupMin,
                                     double speedupMax, Double karpFlatt, SpeedupStack stack) {
        return count(threads, 2, wall, wallMin, wallMax, speedupMin, speedupMax, karpFlatt, stack);
    }

    private static CountResult count(int threads, int runs, double wall, double wallMin, double wallMax, double speedupMin,
                                     double speedupMax, Double karpFlatt, SpeedupStack stack) {
        double speedup = stack.achieved();
        return new CountResult(threads, runs, wall, wallMin, wallMax, speedup, speedupMin, speedupMax,
                speedup / threads, karpFlatt, stack);
    }

    private static SpeedupStack stack(int threads, double achieved, List<StackComponent> components,
                                      double unexplained, double spread, String note) {
        return new SpeedupStack(threads, threads, achieved, components, unexplained, spread, note);
    }

    private static List<RunResult> runs() {
        return List.of(
                run(1, 1, 4.0, 0.02, 0.0),
                run(2, 1, 2.2, 0.02, 0.0),
                run(4, 1, 1.4, 0.03, 0.0),
                run(8, 1, 1.0, 0.05, 0.1),
                run(1, 2, 4.08, 0.02, 0.0),
                run(2, 2, 2.3, 0.02, 0.0),
                run(4, 2, 1.45, 0.03, 0.0),
                run(8, 2, 1.2, 0.05, 0.6));
    }

    private static RunResult run(int threads, int repeat, double wall, double gcSeconds, double foreignCores) {
        String dir = "t" + threads + "-r" + repeat + "/";
        double lock = threads == 1 ? 0 : 0.15 * threads * threads / 8;
        double useful = 3.9 + 0.4 * (threads - 1);
        return new RunResult(threads, repeat, List.of(dir + "paragent-" + (100 + threads) + ".jfr"), wall,
                useful + 0.1, threads, threads == 1 ? Map.of(FindingKind.GC, gcSeconds)
                        : Map.of(FindingKind.LOCK_CONTENTION, lock, FindingKind.GC, gcSeconds),
                useful, foreignCores, foreignCores > 0.25);
    }

    private static List<Finding> findings() {
        return List.of(
                new Finding(FindingKind.CPU_TIME_INFLATION, 3.19, 0.3625, "java.util.Random.next",
                        "demo.MonteCarlo.sample(MonteCarlo.java:40)",
                        "8 threads spend 3.19 s more CPU than 1 thread on the same work",
                        "CPU time 3.90 s at 1 thread, 7.09 s at 8 threads",
                        "Give each thread its own random generator (ThreadLocalRandom)",
                        List.of("java.util.Random.next: 0.42 s → 1.31 s CPU",
                                "java.util.concurrent.atomic.AtomicLong.compareAndSet: 0.10 s → 0.90 s CPU")),
                new Finding(FindingKind.LOCK_CONTENTION, 1.21, 0.1375, "demo.Counter<T>", "demo.Counter.add(Counter.java:12)",
                        "8 worker threads wait for demo.Counter<T>", "1,024 contended acquisitions",
                        "Use a LongAdder", List.of()));
    }
}
