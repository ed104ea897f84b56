package paragent.agent.bootstrap;

/**
 * The fields of a contended {@code java.util.concurrent} acquisition, shared by the waits recorded
 * with a stack trace ({@link LockWaitEvent}) and those recorded without ({@link LockWaitNoStackEvent}).
 * The event thread waited for the duration of the event. Instances are thread-confined.
 */
public abstract class AbstractLockWaitEvent extends jdk.jfr.Event {

    @jdk.jfr.Label("Lock Class")
    @jdk.jfr.Description("The lock the application created, e.g. java.util.concurrent.locks.ReentrantLock")
    public String lockClass;

    @jdk.jfr.Label("Synchronizer Class")
    @jdk.jfr.Description("The AbstractQueuedSynchronizer subclass that did the waiting")
    public String syncClass;

    @jdk.jfr.Label("Lock Identity")
    @jdk.jfr.Description("Identity hash code of the synchronizer, stable for the run")
    public int lockId;

    @jdk.jfr.Label("Shared Mode")
    @jdk.jfr.Description("True for a shared acquisition (read lock, semaphore, latch)")
    public boolean shared;

    @jdk.jfr.Label("Holder")
    @jdk.jfr.Description("The thread that held the lock exclusively when the wait began")
    public Thread holder;

    /** Start of the wait, for the in-process aggregate; not written to the recording. */
    transient long startNanos;

    /** The waiting thread's sampler, told at the end whether the event was recorded; not written. */
    transient LockWaitSampler sampler;
}
