package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One stack of a flame graph: the samples async-profiler took of one thread in one mode with the
 * same collapsed stack. Written by the agent at recording end, in the recording's last chunk.
 */
@Name("paragent.FlameStack")
@Label("Flame Stack")
@Description("Samples of one thread with one stack in one flame graph mode (cpu, wall or lock), from async-profiler")
@Category({"paragent", "Flame Graphs"})
@StackTrace(false)
public final class FlameStackEvent extends jdk.jfr.Event {

    @Label("Mode")
    @Description("cpu, wall or lock")
    public String mode;

    @Label("Thread")
    @Description("Java name of the sampled thread; empty for a thread without one (a JVM or native thread)")
    public String thread;

    @Label("Frames")
    @Description("Collapsed stack, root first, ';'-separated: Java frames as pkg.Class.method, native frames as"
            + " their symbol; at most 256 frames, deeper stacks end in [truncated]; [other stacks] for the"
            + " stacks folded by the memory cap")
    public String frames;

    @Label("Samples")
    @Description("Samples (cpu, wall) or waits (lock) with this mode, thread and stack")
    public long samples;

    @Label("Weight")
    @Description("cpu and wall: samples times the sampling interval; lock: the summed wait time")
    @Timespan(Timespan.NANOSECONDS)
    public long weight;
}
