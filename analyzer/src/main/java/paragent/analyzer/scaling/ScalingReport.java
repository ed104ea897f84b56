package paragent.analyzer.scaling;

import java.util.List;
import paragent.analyzer.diagnosis.Finding;

/**
 * A scaling analysis: the runs, per thread count their summary and speedup stack, the model fits,
 * and the causes of the missing speedup ranked by what they cost at the largest count. Immutable.
 *
 * @param command the command that was run ({@code {threads}} still in it), or null for recordings
 *     given directly
 * @param cores the machine's cores (the 1-thread run's available processors)
 * @param runs every run, in the order they ran
 * @param counts per thread count, ascending; the first is 1
 * @param amdahl Amdahl's law fitted to the speedups
 * @param usl the Universal Scalability Law fitted to the speedups
 * @param findings per cause, the speedup it cost at the largest count as lost thread-seconds
 *     ({@code share} = its stack component over the ideal), largest first; includes
 *     {@code CPU_TIME_INFLATION} with the frames whose CPU time grew most
 * @param warnings what reduced accuracy: disturbed runs, spreads larger than components, a missing
 *     1-thread run
 */
public record ScalingReport(String command, int cores, List<RunResult> runs, List<CountResult> counts, Fit amdahl,
                            Fit usl, List<Finding> findings, List<String> warnings) {

    public ScalingReport {
        runs = List.copyOf(runs);
        counts = List.copyOf(counts);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
