package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One read or write on a channel that lasted at least 1 ms, or the first read or write of a
 * (channel, thread) pair. The event thread did the call; its duration is the call. The agent
 * reuses one instance per thread (begin, end and commit by that thread only).
 */
@Name("paragent.ChannelOp")
@Label("Channel Operation")
@Description("A slow, or the first, read or write on a pipe or socket")
@Category({"paragent", "IPC"})
@StackTrace(true)
public final class ChannelOpEvent extends jdk.jfr.Event {

    @Label("Channel Id")
    public long channelId;

    @Label("Operation")
    @Description("read or write")
    public String operation;

    @Label("Bytes")
    @DataAmount
    public long bytes;
}
