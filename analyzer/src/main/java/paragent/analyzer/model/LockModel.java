package paragent.analyzer.model;

import java.util.List;
import java.util.Map;

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
 * @param samplesAtWaitSites for monitors, per thread ({@code javaId}): its execution samples where a
 *                     thread spinning for this monitor is sampled: at one of {@code waiterSites},
 *                     on top of the method that entered the monitor there, or at the application
 *                     line calling a synchronized method that did (the JIT enters an inlined one's
 *                     monitor at the call); a sampler that can see spinning threads (JDK 25's) sees
 *                     them there. Empty for j.u.c. locks.
 */
public record LockModel(LockKey key, WaitDistribution waits, List<SiteCount> waiterSites,
                        List<ThreadWait> waiters, List<HolderCount> holders, List<SiteCount> holderFrames,
                        Map<Long, Long> samplesAtWaitSites) {

    public LockModel {
        waiterSites = List.copyOf(waiterSites);
        waiters = List.copyOf(waiters);
        holders = List.copyOf(holders);
        holderFrames = List.copyOf(holderFrames);
        samplesAtWaitSites = Map.copyOf(samplesAtWaitSites);
    }

    /** A lock with no samples at its wait sites. */
    public LockModel(LockKey key, WaitDistribution waits, List<SiteCount> waiterSites, List<ThreadWait> waiters,
                     List<HolderCount> holders, List<SiteCount> holderFrames) {
        this(key, waits, waiterSites, waiters, holders, holderFrames, Map.of());
    }
}
