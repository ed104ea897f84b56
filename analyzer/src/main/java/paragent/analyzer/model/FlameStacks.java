package paragent.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * The stacks a recording holds for flame graphs: async-profiler's (paragent.FlameStack, per mode),
 * JFR's execution samples, and the waiting stacks of each contended lock. Bounded by the loader
 * (see {@code paragent.analyzer.load.FlameCollector}). Immutable.
 *
 * @param engine paragent.FlameInfo's engine ({@code async-profiler 4.6} or {@code jfr}); null without FlameInfo
 * @param modes the modes asked for, e.g. {@code cpu+wall}; "" without FlameInfo
 * @param cpuEvent the event async-profiler used for CPU ({@code cpu}, {@code ctimer}, {@code itimer}) or ""
 * @param note the agent's sentence about a fallback or failure, or ""
 * @param droppedStacks stacks folded into {@code [other stacks]} by the agent's and the loader's caps
 * @param byMode paragent.FlameStack stacks by mode ({@code cpu}, {@code wall}, {@code lock})
 * @param executionSamples jdk.ExecutionSample stacks, per thread
 * @param lockWaits per contended lock of the model, its waiting stacks weighted by wait nanoseconds
 * @param samplePeriodNanos the weight of one execution sample
 */
public record FlameStacks(String engine, String modes, String cpuEvent, String note, long droppedStacks,
                          Map<String, List<FlameStack>> byMode, List<FlameStack> executionSamples,
                          Map<LockKey, List<FlameStack>> lockWaits, long samplePeriodNanos) {

    private static final FlameStacks EMPTY = new FlameStacks(null, "", "", "", 0, Map.of(), List.of(), Map.of(), 0);

    public FlameStacks {
        byMode = Map.copyOf(byMode);
        executionSamples = List.copyOf(executionSamples);
        lockWaits = Map.copyOf(lockWaits);
    }

    /** @return no stacks at all */
    public static FlameStacks empty() {
        return EMPTY;
    }

    /** @return paragent.FlameStack stacks of one mode; empty when none */
    public List<FlameStack> mode(String mode) {
        return byMode.getOrDefault(mode, List.of());
    }
}
