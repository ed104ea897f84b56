package paragent.analyzer.render;

import java.util.EnumMap;
import java.util.Map;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Sums over a process tree's JVMs that every output format shows the same way. Stateless;
 * thread-safe.
 */
public final class TreeTotals {

    private TreeTotals() {
    }

    /** @return worker threads in all processes */
    public static int workerThreads(ProcessTree tree) {
        return tree.processes().stream().mapToInt(p -> p.analysis().workerThreads()).sum();
    }

    /** @return CPU time of all processes */
    public static double cpuSeconds(ProcessTree tree) {
        return tree.processes().stream().mapToDouble(ProcessNode::cpuSeconds).sum();
    }

    /** @return all workers' running time over the tree's worker seconds; 0 without workers */
    public static double workerRunningShare(ProcessTree tree) {
        if (tree.workerSeconds() <= 0) {
            return 0;
        }
        double running = tree.processes().stream().flatMap(p -> p.analysis().threads().stream())
                .filter(ThreadTime::worker).mapToDouble(ThreadTime::runningSeconds).sum();
        return Math.min(1, running / tree.workerSeconds());
    }

    /** @return the merged findings' lost thread-seconds per kind, in {@link FindingKind} order */
    public static Map<FindingKind, Double> lostSecondsByKind(ProcessTree tree) {
        Map<FindingKind, Double> lost = new EnumMap<>(FindingKind.class);
        for (Finding f : tree.findings()) {
            lost.merge(f.kind(), f.lostThreadSeconds(), Double::sum);
        }
        return lost;
    }
}
