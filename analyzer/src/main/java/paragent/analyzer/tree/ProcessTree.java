package paragent.analyzer.tree;

import java.util.List;
import paragent.analyzer.diagnosis.Finding;

/**
 * One run: the JVMs joined by parent and child (run id, parent pid, spawned pids) or by a matched
 * socket, with the channels between them and the findings of all of them merged. Immutable.
 *
 * @param runId the root's run id, or null when none was recorded
 * @param processes root first, then depth-first
 * @param links the channels between the processes, both ends matched where both were recorded
 * @param findings the processes' findings merged (the same kind and subject summed, the two ends of
 *     one link summed under the link's name), largest first, shares over {@code workerSeconds}
 * @param wallSeconds from the root's start to the last process's end, on the root's clock
 * @param workerSeconds the share denominator: every process's workers × its wall time, plus the
 *     children's boot time
 * @param warnings what limited this run's merge
 */
public record ProcessTree(String runId, List<ProcessNode> processes, List<IpcLink> links, List<Finding> findings,
                          double wallSeconds, double workerSeconds, List<String> warnings) {

    public ProcessTree {
        processes = List.copyOf(processes);
        links = List.copyOf(links);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** @return the first process: the one that started the others */
    public ProcessNode root() {
        return processes.get(0);
    }
}
