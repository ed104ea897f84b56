package paragent.analyzer.model;

/**
 * Identifies one lock in the model. Immutable.
 *
 * <p>Monitors are grouped by class: the monitor address that JFR records moves with GC, so it is
 * not an identity. j.u.c. locks seen through paragent events carry the synchronizer's identity hash
 * code; seen only through {@code jdk.ThreadPark} they are grouped by class as well.
 *
 * @param kind monitor or j.u.c.
 * @param lockClass the class the user wrote, e.g. {@code java.util.concurrent.locks.ReentrantLock}
 * @param identity distinguishes locks of the same class; empty when grouped by class
 */
public record LockKey(LockKind kind, String lockClass, String identity) {
}
