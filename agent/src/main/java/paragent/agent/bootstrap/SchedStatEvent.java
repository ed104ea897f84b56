package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One OS thread's cumulative scheduler counters from {@code /proc/self/task/<tid>/schedstat}:
 * time on a CPU, time runnable but waiting for one, and timeslices. Written periodically for
 * every task of the JVM, at recording start and end, and by each thread as it exits.
 */
@Name("paragent.SchedStat")
@Label("Scheduler Statistics")
@Description("Cumulative time on a CPU and time waiting in the run queue of one OS thread since it started")
@Category({"paragent", "Threads"})
@StackTrace(false)
public final class SchedStatEvent extends jdk.jfr.Event {

    @Label("OS Thread Id")
    @Description("The task id, equal to JFR's osThreadId of the thread")
    public long tid;

    @Label("Run Time")
    @Description("Cumulative time on a CPU")
    @Timespan(Timespan.NANOSECONDS)
    public long runNanos;

    @Label("Run Queue Time")
    @Description("Cumulative time runnable but waiting for a CPU")
    @Timespan(Timespan.NANOSECONDS)
    public long runQueueNanos;

    @Label("Timeslices")
    @Description("Cumulative number of timeslices run")
    public long timeslices;
}
