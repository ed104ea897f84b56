package paragent.analyzer.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import paragent.analyzer.diagnosis.FindingKind;

/**
 * Builds speedup stacks. In thread-seconds, {@code N·T_N − T_1 = Σ_k (L_k,N − L_k,1) + (R_N − R_1) + U}
 * with {@code L_k} what the diagnosis granted cause k, {@code R} the workers' unclaimed useful time
 * (see {@link RunResult#usefulCpuSeconds}) and {@code U} the remainder; divided by {@code T_N} it
 * splits the ideal speedup N into the achieved {@code T_1/T_N}, one component per cause, CPU-time
 * inflation and the unexplained remainder, which add up to N exactly. Stateless.
 */
final class Stacks {

    /** Components closer to zero than this (thread-seconds) are no components. */
    private static final double ZERO_SECONDS = 1e-12;

    private Stacks() {
    }

    /**
     * @param threads the count N
     * @param one the representative 1-thread run
     * @param representative the representative run of N
     * @param spread max − min speedup over N's repeats
     * @return the stack, components largest first, zero ones omitted
     */
    static SpeedupStack stack(int threads, RunResult one, RunResult representative, double spread) {
        double wall = representative.wallSeconds();
        List<StackComponent> components = new ArrayList<>();
        Set<FindingKind> causes = EnumSet.noneOf(FindingKind.class);
        causes.addAll(one.lostThreadSeconds().keySet());
        causes.addAll(representative.lostThreadSeconds().keySet());
        for (FindingKind cause : causes) {
            double extra = representative.lostThreadSeconds().getOrDefault(cause, 0.0)
                    - one.lostThreadSeconds().getOrDefault(cause, 0.0);
            add(components, cause, extra, wall, spread);
        }
        add(components, FindingKind.CPU_TIME_INFLATION,
                representative.usefulCpuSeconds() - one.usefulCpuSeconds(), wall, spread);
        components.sort(Comparator.comparingDouble(StackComponent::speedup).reversed());
        double achieved = one.wallSeconds() / wall;
        double explained = components.stream().mapToDouble(StackComponent::speedup).sum();
        return new SpeedupStack(threads, threads, achieved, components, threads - achieved - explained, spread,
                note(components, spread));
    }

    private static void add(List<StackComponent> components, FindingKind cause, double extraSeconds, double wall,
                            double spread) {
        if (Math.abs(extraSeconds) > ZERO_SECONDS) {
            double speedup = extraSeconds / wall;
            components.add(new StackComponent(cause.name(), speedup, extraSeconds, Math.abs(speedup) < spread));
        }
    }

    /** @return a warning naming the largest component the repeats' spread exceeds, or null */
    private static String note(List<StackComponent> components, double spread) {
        return components.stream().filter(StackComponent::withinSpread)
                .max(Comparator.comparingDouble(c -> Math.abs(c.speedup())))
                .map(c -> String.format(Locale.ROOT,
                        "repeats differ by %.2f in speedup, more than %s's %.2f: rerun with more --repeat or a"
                                + " quieter machine", spread, c.cause(), Math.abs(c.speedup())))
                .orElse(null);
    }
}
