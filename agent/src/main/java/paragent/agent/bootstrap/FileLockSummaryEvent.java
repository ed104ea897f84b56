package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * All file-lock acquisitions of one file by one thread since the previous summary of the pair,
 * including waits below the {@link FileLockWaitEvent} threshold. Written by the agent's file-lock
 * aggregator.
 */
@Name("paragent.FileLockSummary")
@Label("File Lock Summary")
@Description("FileChannel lock acquisitions, waits and hold times of one file by one thread since the previous summary")
@Category({"paragent", "Locks"})
@StackTrace(false)
public final class FileLockSummaryEvent extends jdk.jfr.Event {

    @Label("Path")
    public String path;

    @Label("Java Thread Id")
    public long javaThreadId;

    @Label("Acquisitions")
    @Description("lock calls plus successful tryLock calls")
    public long acquisitions;

    @Label("Waits")
    @Description("lock calls that waited at least the threshold")
    public long waits;

    @Label("Total Wait")
    @Description("Total time inside lock calls")
    @Timespan(Timespan.NANOSECONDS)
    public long waitNanos;

    @Label("Total Hold")
    @Description("Acquisition to release, for locks released in the interval")
    @Timespan(Timespan.NANOSECONDS)
    public long holdNanos;

    @Label("Wait Histogram")
    @Description("HdrHistogram of the lock call times in nanoseconds, compressed and Base64-encoded")
    public String histogram;
}
