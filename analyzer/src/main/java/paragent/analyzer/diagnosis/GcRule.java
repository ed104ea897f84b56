package paragent.analyzer.diagnosis;

import java.util.List;
import java.util.Locale;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;

/**
 * {@link FindingKind#GC}: workers stopped by garbage-collection pauses. Lost time is each worker's
 * time inside stop-the-world pauses while it was otherwise busy; the subject is the class that
 * allocated most (sampled allocation weight) and the place is its top allocation site. Stateless.
 */
public final class GcRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.03;

    private static final ThreadState[] GC_STATE = {ThreadState.GC};

    @Override
    public FindingKind kind() {
        return FindingKind.GC;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        double lost = 0;
        for (ThreadTime t : model.workers()) {
            lost += ledger.claimSpread(t.javaId(), GC_STATE, t.gcSeconds());
        }
        if (lost <= 0 || lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return List.of();
        }
        GcModel gc = model.gc();
        String collector = gc.collector() == null ? "the collector" : gc.collector();
        String subject = gc.topAllocatedClass() != null ? gc.topAllocatedClass() : collector;
        String title = String.format(Locale.ROOT, "Garbage collection stopped the workers for %s s in %,d pauses",
                Texts.decimal(lost), gc.pauses());
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT,
                "%,d stop-the-world pauses of %s, %s s in all", gc.pauses(), collector,
                Texts.decimal(gc.pauseSeconds())));
        if (gc.topAllocatedClass() != null) {
            evidence.append(String.format(Locale.ROOT, "; %s of sampled allocation is %s",
                    Texts.percent(gc.topAllocatedShare()), gc.topAllocatedClass()));
        }
        String advice = "Allocate less in the hot loop"
                + (gc.topAllocationSite() != null ? " at " + Texts.shortFrame(gc.topAllocationSite()) : "")
                + ": reuse objects or primitive arrays instead of short-lived " + simpleName(subject)
                + " objects; or give the young generation more room (-Xmn, -Xmx)";
        return List.of(new Finding(kind(), lost, 0, subject, gc.topAllocationSite(), title, evidence.toString(),
                advice, List.of()));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
