package paragent.analyzer.tree;

import java.util.List;
import paragent.analyzer.diagnosis.Finding;

/**
 * One run: JVMs joined by parent/child (run id, parent pid, spawn pids) or by a matched socket.
 * Immutable.
 *
 * @param runId the run's id, or null when unknown
 * @param processes the JVMs, root first, depth-first
 * @param links the channels between them, both ends matched where both were recorded
 * @param findings merged and ranked; shares are over all processes' workers
 * @param wallSeconds root start → last process end, on the root's clock
 * @param workerSeconds share denominator: sum over processes of workers × wall (+ children's boot time)
 * @param warnings problems that reduced accuracy
 */
public record ProcessTree(String runId, List<ProcessNode> processes, List<IpcLink> links, List<Finding> findings,
                          double wallSeconds, double workerSeconds, List<String> warnings) {

    public ProcessTree {
        processes = List.copyOf(processes);
        links = List.copyOf(links);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** @return the root JVM */
    public ProcessNode root() {
        return processes.get(0);
    }
}
