package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * All contended acquisitions of one synchronizer in an interval, including those below the
 * {@link LockWaitEvent} threshold, so that totals are exact. Written by the agent's aggregator.
 */
@Name("paragent.LockSummary")
@Label("Lock Contention Summary")
@Description("Contended acquisitions of one java.util.concurrent synchronizer since the previous summary")
@Category({"paragent", "Locks"})
@StackTrace(false)
public final class LockSummaryEvent extends jdk.jfr.Event {

    @Label("Lock Class")
    public String lockClass;

    @Label("Synchronizer Class")
    public String syncClass;

    @Label("Lock Identity")
    public int lockId;

    @Label("Shared Mode")
    public boolean shared;

    @Label("Waits")
    @Description("Contended acquisitions in the interval")
    public long waits;

    @Label("Total Wait")
    @Timespan(Timespan.NANOSECONDS)
    public long waitNanos;

    @Label("Longest Wait")
    @Timespan(Timespan.NANOSECONDS)
    public long maxWaitNanos;

    @Label("Wait Histogram")
    @Description("HdrHistogram of the waits in nanoseconds, compressed and Base64-encoded")
    public String histogram;
}
