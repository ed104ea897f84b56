package paragent.agent.bootstrap;

/**
 * Called by the advice woven into {@code ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor},
 * {@code ForkJoinPool} and {@code ForkJoinTask}; forwards to the {@link ExecutorSink} the agent
 * installs, and does nothing while none is installed. Called concurrently from application
 * threads; never throws.
 */
public final class ExecutorHooks {

    private static volatile ExecutorSink sink;

    private ExecutorHooks() {
    }

    /** Starts delivering to {@code newSink}; null stops it. */
    public static void install(ExecutorSink newSink) {
        sink = newSink;
    }

    /** See {@link ExecutorSink#created}. */
    public static void created(Object executor) {
        try {
            ExecutorSink current = sink;
            if (current != null) {
                current.created(executor);
            }
        } catch (Throwable t) {
            HookFailures.report("executor recording", t);
            // An executor must be constructed whatever happens to the agent.
        }
    }

    /**
     * See {@link ExecutorSink#submitBegin}.
     *
     * @return the token for {@link #submitEnd}: 0 when nothing is being recorded
     */
    public static long submitBegin(Object executor, Object task) {
        try {
            ExecutorSink current = sink;
            return current == null ? 0 : current.submitBegin(executor, task);
        } catch (Throwable t) {
            HookFailures.report("executor recording", t);
            return 0;
        }
    }

    /** See {@link ExecutorSink#submitEnd}; does nothing for the token 0. */
    public static void submitEnd(Object executor, Object task, long beginNanos, Throwable thrown) {
        try {
            ExecutorSink current = sink;
            if (current != null && beginNanos != 0) {
                current.submitEnd(executor, task, beginNanos, thrown);
            }
        } catch (Throwable t) {
            HookFailures.report("executor recording", t);
            // A submit must never fail because of the agent.
        }
    }

    /** See {@link ExecutorSink#runStart}. */
    public static void runStart(Object executor, Object task) {
        try {
            ExecutorSink current = sink;
            if (current != null && task != null) {
                current.runStart(executor, task);
            }
        } catch (Throwable t) {
            HookFailures.report("executor recording", t);
            // A task must run whatever happens to the agent.
        }
    }

    /** See {@link ExecutorSink#runEnd}. */
    public static void runEnd() {
        try {
            ExecutorSink current = sink;
            if (current != null) {
                current.runEnd();
            }
        } catch (Throwable t) {
            HookFailures.report("executor recording", t);
            // A worker must go on whatever happens to the agent.
        }
    }
}
