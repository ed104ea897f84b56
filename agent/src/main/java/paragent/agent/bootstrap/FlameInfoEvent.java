package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * How the flame graphs were recorded: one per recording when the {@code flame} option is not
 * {@code off}, written at recording end, also when async-profiler could not load.
 */
@Name("paragent.FlameInfo")
@Label("Flame Graph Recording")
@Description("How the flame graphs were recorded: modes, engine, the CPU event really used, fallbacks")
@Category({"paragent", "Flame Graphs"})
@StackTrace(false)
public final class FlameInfoEvent extends jdk.jfr.Event {

    @Label("Modes")
    @Description("The modes asked for, e.g. cpu+wall")
    public String modes;

    @Label("Engine")
    @Description("async-profiler and its version, or jfr when async-profiler did not load")
    public String engine;

    @Label("CPU Event")
    @Description("The event async-profiler used for cpu: cpu (perf_events), ctimer or itimer; empty when cpu was"
            + " not profiled")
    public String cpuEvent;

    @Label("Note")
    @Description("One sentence for the report when something fell back or failed, else empty")
    public String note;

    @Label("CPU Interval")
    @Timespan(Timespan.NANOSECONDS)
    public long cpuIntervalNanos;

    @Label("Wall Interval")
    @Timespan(Timespan.NANOSECONDS)
    public long wallIntervalNanos;

    @Label("Lock Threshold")
    @Timespan(Timespan.NANOSECONDS)
    public long lockThresholdNanos;

    @Label("Dropped Stacks")
    @Description("Samples whose stack the memory cap (20,000 stacks per mode) folded into their thread's"
            + " [other stacks] entry")
    public long droppedStacks;
}
