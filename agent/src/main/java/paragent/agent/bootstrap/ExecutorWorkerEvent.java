package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The event's thread ran its first task for an executor: groups threads by pool. At most once per
 * (thread, executor). Written by the agent's executor aggregator, in the worker thread.
 */
@Name("paragent.ExecutorWorker")
@Label("Executor Worker")
@Description("The event thread ran its first task for the executor")
@Category({"paragent", "Executors"})
@StackTrace(false)
public final class ExecutorWorkerEvent extends jdk.jfr.Event {

    @Label("Executor Id")
    public long executorId;
}
