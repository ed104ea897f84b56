package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import paragent.analyzer.model.LockKey;

/**
 * Raw facts about one lock, accumulated while the recording is read. Mutable; confined to the
 * loading thread.
 */
final class LockData {

    /** A recorded wait: waiter, interval, holder (0 when unknown), application frame. */
    record Wait(long waiterId, long startNanos, long endNanos, long holderId, String site) {
    }

    final LockKey key;

    /** Individual waits from duration events (jdk.JavaMonitorEnter, paragent.LockWait, jdk.ThreadPark). */
    final List<Wait> waits = new ArrayList<>();
    final Histogram eventWaitNanos = new Histogram(3);

    /** Exact totals from paragent.LockSummary, when recorded. */
    boolean hasSummary;
    long summaryWaits;
    long summaryWaitNanos;
    long summaryMaxWaitNanos;
    final Histogram summaryWaitNanosHistogram = new Histogram(3);

    /** Holder thread names by id, as recorded on the waits. */
    final Map<Long, String> holderNames = new HashMap<>();

    LockData(LockKey key) {
        this.key = key;
    }

    void addWait(long waiterId, long startNanos, long endNanos, long holderId, String site) {
        waits.add(new Wait(waiterId, startNanos, endNanos, holderId, site));
        eventWaitNanos.recordValue(Math.max(0, endNanos - startNanos));
    }
}
