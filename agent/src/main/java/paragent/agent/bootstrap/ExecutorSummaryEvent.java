package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One executor's submits and tasks since its previous summary. Written by the agent's executor
 * aggregator every second for each executor with activity, and once more at recording end.
 */
@Name("paragent.ExecutorSummary")
@Label("Executor Summary")
@Description("Submits, queue waits and run times of one executor's tasks since the previous summary")
@Category({"paragent", "Executors"})
@StackTrace(false)
public final class ExecutorSummaryEvent extends jdk.jfr.Event {

    @Label("Executor Id")
    public long executorId;

    @Label("Executor Class")
    public String executorClass;

    @Label("Tasks")
    @Description("Tasks that finished running, normally or by exception, in the interval")
    public long tasks;

    @Label("Submits")
    @Description("Tasks submitted in the interval")
    public long submits;

    @Label("Submit Time")
    @Description("Total time the submitting threads spent inside the submit calls")
    @Timespan(Timespan.NANOSECONDS)
    public long submitNanos;

    @Label("Queue Wait Histogram")
    @Description("HdrHistogram of submit (or trigger time) to start of run in nanoseconds, compressed and Base64-encoded")
    public String queueWait;

    @Label("Run Time Histogram")
    @Description("HdrHistogram of task run times in nanoseconds, compressed and Base64-encoded")
    public String runTime;

    @Label("Total Run Time")
    @Timespan(Timespan.NANOSECONDS)
    public long runNanos;

    @Label("Top Submit Site")
    @Description("The most frequent first application frame among sampled submits, or null")
    public String submitSite;

    @Label("Top Submit Site Count")
    @Description("Sampled submits from the top submit site")
    public long submitSiteCount;
}
