package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Top-level {@code ObjectOutputStream.writeObject}/{@code writeUnshared} or
 * {@code ObjectInputStream.readObject}/{@code readUnshared} calls of one thread for one class
 * since the previous summary. Written by the agent's channel aggregator.
 */
@Name("paragent.SerializationSummary")
@Label("Serialization Summary")
@Description("Time and channel bytes of top-level Java serialization calls since the previous summary")
@Category({"paragent", "IPC"})
@StackTrace(false)
public final class SerializationSummaryEvent extends jdk.jfr.Event {

    @Label("Direction")
    @Description("write (serialize) or read (deserialize)")
    public String direction;

    @Label("Class Name")
    @Description("Class of the top-level object written or read; null when the read failed")
    public String className;

    @Label("Java Thread Id")
    public long javaThreadId;

    @Label("Objects")
    @Description("Top-level calls")
    public long objects;

    @Label("Time")
    @Timespan(Timespan.NANOSECONDS)
    public long nanos;

    @Label("Channel Time")
    @Description("Of the time, reads and writes on channels by the same thread during the calls")
    @Timespan(Timespan.NANOSECONDS)
    public long channelNanos;

    @Label("Channel Bytes")
    @DataAmount
    public long channelBytes;

    @Label("Channel Id")
    @Description("The channel most of the calls' bytes went to, or 0")
    public long channelId;

    @Label("Site")
    @Description("First application frame of a sampled call, class.method(File.java:line), or null")
    public String site;
}
