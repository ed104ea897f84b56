package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Cumulative CPU, blocked and waited time of one thread, from {@code ThreadMXBean} with
 * contention monitoring on. Written periodically, at thread exit and when the recording ends.
 */
@Name("paragent.ThreadTimes")
@Label("Thread Times")
@Description("Cumulative CPU, blocked and waited time of a thread since it started")
@Category({"paragent", "Threads"})
@StackTrace(false)
public final class ThreadTimesEvent extends jdk.jfr.Event {

    @Label("Thread")
    public Thread thread;

    @Label("CPU Time")
    @Timespan(Timespan.NANOSECONDS)
    public long cpuNanos;

    @Label("User CPU Time")
    @Timespan(Timespan.NANOSECONDS)
    public long userNanos;

    @Label("Blocked Time")
    @Description("Time blocked entering a monitor")
    @Timespan(Timespan.NANOSECONDS)
    public long blockedNanos;

    @Label("Blocked Count")
    public long blockedCount;

    @Label("Waited Time")
    @Description("Time in WAITING or TIMED_WAITING: park, wait, sleep, join")
    @Timespan(Timespan.NANOSECONDS)
    public long waitedNanos;

    @Label("Waited Count")
    public long waitedCount;

    @Label("Baseline")
    @Description("True for the values read when the recording started: subtract them to get the time spent"
            + " while recording (they include JVM start-up and the agent's own start)")
    public boolean baseline;
}
