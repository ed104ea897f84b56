package paragent.analyzer.model;

import java.util.List;

/**
 * Everything known about the contention on one lock. Immutable.
 *
 * @param key which lock
 * @param waits distribution of all contended waits (exact when {@code paragent.LockSummary}
 *              was recorded, otherwise of the waits above the recording's threshold)
 * @param waiterSites application frames that waited, most wait time first
 * @param waiters threads that waited, most wait time first
 * @param holders threads that held it while others waited, most waits first
 * @param holderFrames application frames the holders ran while others waited (from execution
 *                     samples inside the wait intervals), most samples first
 */
public record LockModel(LockKey key, WaitDistribution waits, List<SiteCount> waiterSites,
                        List<ThreadWait> waiters, List<HolderCount> holders, List<SiteCount> holderFrames) {

    public LockModel {
        waiterSites = List.copyOf(waiterSites);
        waiters = List.copyOf(waiters);
        holders = List.copyOf(holders);
        holderFrames = List.copyOf(holderFrames);
    }
}
