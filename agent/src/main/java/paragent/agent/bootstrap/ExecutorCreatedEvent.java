package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * An executor was constructed, or first seen when it existed before the agent. The stack trace's
 * first application frame is the creation site. Written by the agent's executor aggregator.
 */
@Name("paragent.ExecutorCreated")
@Label("Executor Created")
@Description("A ThreadPoolExecutor, ScheduledThreadPoolExecutor or ForkJoinPool was constructed")
@Category({"paragent", "Executors"})
@StackTrace(true)
public final class ExecutorCreatedEvent extends jdk.jfr.Event {

    @Label("Executor Id")
    @Description("Agent-assigned, unique in the JVM, never reused")
    public long executorId;

    @Label("Executor Class")
    public String executorClass;

    @Label("Executor Kind")
    @Description("ThreadPoolExecutor, ScheduledThreadPoolExecutor or ForkJoinPool")
    public String executorKind;

    @Label("Parallelism")
    @Description("Core pool size, or ForkJoinPool parallelism")
    public int parallelism;
}
