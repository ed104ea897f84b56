package paragent.analyzer.scaling;

/**
 * One layer of a speedup stack: the speedup one cause cost at a thread count. Immutable.
 *
 * @param cause a {@link paragent.analyzer.diagnosis.FindingKind} name
 * @param speedup the speedup lost to it, in the stack's units (threads): its extra worker-thread
 *     seconds over the 1-thread run's, divided by this count's wall time; negative when the cause
 *     cost less than in the 1-thread run
 * @param lostThreadSeconds the cause's worker-thread seconds at this count
 * @param withinSpread whether {@code |speedup|} is below the spread of the count's repeats, so
 *     noise could explain it
 */
public record StackComponent(String cause, double speedup, double lostThreadSeconds, boolean withinSpread) {
}
