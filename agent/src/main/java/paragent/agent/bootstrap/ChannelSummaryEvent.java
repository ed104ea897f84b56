package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One thread's reads and writes on one channel since the previous summary of the pair: every
 * call is counted, so sums over the recording are exact. Written by the agent's channel
 * aggregator.
 */
@Name("paragent.ChannelSummary")
@Label("Channel Summary")
@Description("One thread's I/O on one pipe or socket since the previous summary")
@Category({"paragent", "IPC"})
@StackTrace(false)
public final class ChannelSummaryEvent extends jdk.jfr.Event {

    @Label("Channel Id")
    public long channelId;

    @Label("Java Thread Id")
    @Description("Thread.getId() of the thread that did the I/O; -1 for threads beyond a channel's 256th")
    public long javaThreadId;

    @Label("Bytes Read")
    @DataAmount
    public long bytesRead;

    @Label("Bytes Written")
    @DataAmount
    public long bytesWritten;

    @Label("Reads")
    public long reads;

    @Label("Writes")
    public long writes;

    @Label("Read Time")
    @Timespan(Timespan.NANOSECONDS)
    public long readNanos;

    @Label("Write Time")
    @Timespan(Timespan.NANOSECONDS)
    public long writeNanos;

    @Label("Idle Read Time")
    @Description("Of the read time, reads that began with nothing available; -1 when not measured")
    @Timespan(Timespan.NANOSECONDS)
    public long idleReadNanos;
}
