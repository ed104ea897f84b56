package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One contended acquisition of a {@code java.util.concurrent} synchronizer, with the waiter's stack
 * trace: the waits {@link LockWaitSampler} picks. Committed only above the configured threshold;
 * the other waits above it are {@link LockWaitNoStackEvent}s, the shorter ones are counted by
 * {@link LockSummaryEvent}.
 */
@Name("paragent.LockWait")
@Label("Lock Wait")
@Description("A thread waited to acquire a java.util.concurrent lock or synchronizer; the stack trace is"
        + " sampled: the thread's paragent.LockWaitNoStack waits on the same lock after it share it")
@Category({"paragent", "Locks"})
@StackTrace(true)
public final class LockWaitEvent extends AbstractLockWaitEvent {
}
