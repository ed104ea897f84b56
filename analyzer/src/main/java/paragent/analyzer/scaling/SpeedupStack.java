package paragent.analyzer.scaling;

import java.util.List;

/**
 * The ideal speedup of one thread count split into the speedup achieved and what each cause cost
 * (after Eyerman et al., "Speedup stacks", ISPASS 2012). In threads:
 * {@code ideal = achieved + Σ components + unexplained}, exactly; {@code unexplained} is the
 * remainder, never hidden. Immutable.
 *
 * @param threads the thread count
 * @param ideal the ideal speedup, {@code threads}
 * @param achieved the measured speedup of the representative run
 * @param components the causes, largest first
 * @param unexplained what the causes do not account for (may be negative)
 * @param spread max − min speedup over the count's repeats; 0 with one run
 * @param note a sentence when the stack must be read with care (its spread exceeds components), else null
 */
public record SpeedupStack(int threads, double ideal, double achieved, List<StackComponent> components,
                           double unexplained, double spread, String note) {

    public SpeedupStack {
        components = List.copyOf(components);
    }
}
