package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A child process ended, or was still running when the recording ended. Written by the agent
 * from the JDK's process reaper thread, or at recording end for the children still alive.
 */
@Name("paragent.ProcessExit")
@Label("Process Exit")
@Description("A child process ended, or was still running when the recording ended")
@Category({"paragent", "Processes"})
@StackTrace(false)
public final class ProcessExitEvent extends jdk.jfr.Event {

    @Label("Process Id")
    public long pid;

    @Label("Command")
    @Description("The argument vector joined with spaces, at most 1,000 characters")
    public String command;

    @Label("Exit Code")
    @Description("The exit status; meaningless when still running")
    public int exitCode;

    @Label("Still Running")
    @Description("True when written at recording end for a child still alive")
    public boolean stillRunning;

    @Label("Lifetime")
    @Description("From the end of the start call to the observed exit, or to the recording end")
    @Timespan(Timespan.NANOSECONDS)
    public long lifetimeNanos;

    @Label("CPU Time")
    @Description("User + system CPU of the child, last reading (sampled at most every 100 ms); -1 when unknown")
    @Timespan(Timespan.NANOSECONDS)
    public long cpuNanos;
}
