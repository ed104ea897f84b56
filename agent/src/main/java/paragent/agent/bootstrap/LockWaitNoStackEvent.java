package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One contended acquisition of a {@code java.util.concurrent} synchronizer whose stack trace was
 * not sampled ({@link LockWaitSampler}): the same thread's latest {@link LockWaitEvent} on the same
 * lock stands for its stack. Committed only above the configured threshold.
 */
@Name("paragent.LockWaitNoStack")
@Label("Lock Wait (Stack Not Sampled)")
@Description("A thread waited to acquire a java.util.concurrent lock or synchronizer; its stack is that of"
        + " the same thread's latest paragent.LockWait on the same lock")
@Category({"paragent", "Locks"})
@StackTrace(false)
public final class LockWaitNoStackEvent extends AbstractLockWaitEvent {
}
