package paragent.analyzer.render;

import java.util.Locale;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.Texts;

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
        Finding top = analysis.findings().get(0);
        return String.format(Locale.ROOT, "%s: %s of worker time is lost on %s%s.", top.kind(),
                Texts.percent(top.share()), top.subject(), top.where() == null ? "" : " at " + top.where());
    }
}
