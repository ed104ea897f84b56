package paragent.analyzer.render;

import java.util.Locale;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.tree.ProcessTree;

/**
 * The one-sentence answer every output format leads with. Stateless; thread-safe.
 */
public final class Verdict {

    private Verdict() {
    }

    /** @return e.g. "LOCK_CONTENTION: 62% of worker time is lost on X at Y." */
    public static String sentence(Analysis analysis) {
        if (analysis.findings().isEmpty()) {
            if (analysis.workerThreads() == 0) {
                return "No worker threads found: the recording shows no application thread doing work.";
            }
            return String.format(Locale.ROOT, "No parallelism problem found: %d worker thread%s, %s of their time"
                            + " running.", analysis.workerThreads(), analysis.workerThreads() == 1 ? "" : "s",
                    Texts.percent(analysis.workerRunningShare()));
        }
        return topFinding(analysis.findings().get(0));
    }

    /** @return the sentence for a process tree, from its merged findings and all its processes' workers */
    public static String sentence(ProcessTree tree) {
        int processes = tree.processes().size();
        if (!tree.findings().isEmpty()) {
            return topFinding(tree.findings().get(0));
        }
        int workers = TreeTotals.workerThreads(tree);
        if (workers == 0) {
            return String.format(Locale.ROOT, "No worker threads found: the %d process%s show no application thread"
                    + " doing work.", processes, processes == 1 ? "" : "es");
        }
        return String.format(Locale.ROOT, "No parallelism problem found: %d process%s, %d worker thread%s, %s of"
                        + " their time running.", processes, processes == 1 ? "" : "es", workers,
                workers == 1 ? "" : "s", Texts.percent(TreeTotals.workerRunningShare(tree)));
    }

    private static String topFinding(Finding top) {
        return String.format(Locale.ROOT, "%s: %s of worker time is lost on %s%s.", top.kind(),
                Texts.percent(top.share()), top.subject(), top.where() == null ? "" : " at " + top.where());
    }
}
