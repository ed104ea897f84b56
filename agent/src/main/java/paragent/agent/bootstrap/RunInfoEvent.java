package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** What was profiled and how: one per recording, written when the agent starts. */
@Name("paragent.RunInfo")
@Label("paragent Run")
@Description("How paragent recorded this JVM: its version and options, the program, thresholds and periods, and the run it belongs to")
@Category("paragent")
@StackTrace(false)
public final class RunInfoEvent extends jdk.jfr.Event {

    @Label("Agent Version")
    public String agentVersion;

    @Label("Agent Options")
    public String options;

    @Label("Command")
    public String command;

    @Label("Process Id")
    public long pid;

    @Label("Available Processors")
    public int availableProcessors;

    @Label("Lock Wait Threshold")
    @Timespan(Timespan.NANOSECONDS)
    public long lockWaitThresholdNanos;

    @Label("Monitor Enter Threshold")
    @Timespan(Timespan.NANOSECONDS)
    public long monitorThresholdNanos;

    @Label("Sample Period")
    @Timespan(Timespan.MILLISECONDS)
    public long samplePeriodMillis;

    @Label("Scheduler Statistics Period")
    @Description("Period of paragent.SchedStat (it grows when there are many threads); 0 when schedstat cannot be read")
    @Timespan(Timespan.MILLISECONDS)
    public long schedStatPeriodMillis;

    @Label("Run Id")
    @Description("The run this JVM belongs to: made by the root JVM (<pid>-<epochMillis>), inherited by child JVMs under the children option")
    public String runId;

    @Label("Parent Process Id")
    @Description("The parent JVM's pid when started under the children option, else the OS parent's pid, or -1")
    public long parentPid;

    @Label("Agent Start-up")
    @Description("Time the agent's own start-up took in this JVM: premain entry until the recording started")
    @Timespan(Timespan.NANOSECONDS)
    public long agentStartNanos;

    @Label("Children")
    @Description("Whether the children option is on: child JVMs get the agent too")
    public boolean children;
}
