package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One contended acquisition of a {@code java.util.concurrent} synchronizer: the event thread
 * waited for the duration of the event. Committed only above the configured threshold; shorter
 * waits are counted by {@link LockSummaryEvent}. Instances are thread-confined.
 */
@Name("paragent.LockWait")
@Label("Lock Wait")
@Description("A thread waited to acquire a java.util.concurrent lock or synchronizer")
@Category({"paragent", "Locks"})
@StackTrace(true)
public final class LockWaitEvent extends jdk.jfr.Event {

    @Label("Lock Class")
    @Description("The lock the application created, e.g. java.util.concurrent.locks.ReentrantLock")
    public String lockClass;

    @Label("Synchronizer Class")
    @Description("The AbstractQueuedSynchronizer subclass that did the waiting")
    public String syncClass;

    @Label("Lock Identity")
    @Description("Identity hash code of the synchronizer, stable for the run")
    public int lockId;

    @Label("Shared Mode")
    @Description("True for a shared acquisition (read lock, semaphore, latch)")
    public boolean shared;

    @Label("Holder")
    @Description("The thread that held the lock exclusively when the wait began")
    public Thread holder;

    /** Start of the wait, for the in-process aggregate; not written to the recording. */
    transient long startNanos;
}
