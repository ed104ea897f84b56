package paragent.analyzer.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import org.HdrHistogram.Histogram;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;

/**
 * The lock waits of one recording, for {@link EventCollector}: contended monitors
 * ({@code jdk.JavaMonitorEnter}), {@code java.util.concurrent} locks ({@code paragent.LockWait},
 * {@code paragent.LockWaitNoStack}, {@code paragent.LockSummary}) and parks on lock classes
 * ({@code jdk.ThreadPark}, used only when paragent recorded no lock). Each wait goes to its lock's
 * {@link LockData} (per site, waiter and holder), to the waiter's {@link ThreadData} intervals and
 * to the lock's flame graph. Mutable; confined to the collector's thread.
 */
final class LockCollector {

    final Map<LockKey, LockData> monitorLocks = new LinkedHashMap<>();
    /** j.u.c. locks from paragent.LockWait, paragent.LockWaitNoStack and paragent.LockSummary. */
    final Map<LockKey, LockData> paragentLocks = new LinkedHashMap<>();
    /** j.u.c. locks seen taken inside a pool's task hand-off (its queue's lock): not reported as locks. */
    final Set<LockKey> poolHandOffLocks = new HashSet<>();
    /** j.u.c. locks from jdk.ThreadPark; used only when paragent recorded none. */
    final Map<LockKey, LockData> parkLocks = new LinkedHashMap<>();

    private final RetentionCaps caps;
    private final FlameCollector flames;
    /** The collector's first application frame of a stack, shared with its other handlers. */
    private final PoolCache<RecordedStackTrace, String> applicationFrames;
    /** The collector's methods of a stack, top first, shared with its other handlers. */
    private final PoolCache<RecordedStackTrace, String[]> stackMethods;
    /** The collector's accumulator of a recorded thread; null for none or a non-Java thread. */
    private final Function<RecordedThread, ThreadData> threads;
    /** Adds an encoded histogram to another, counting what cannot be decoded. */
    private final BiConsumer<String, Histogram> decodeInto;

    /** Per lock class: the application frame calling into the lock, per stack. */
    private final Map<String, PoolCache<RecordedStackTrace, String>> applicationFramesByLock = new HashMap<>();
    private final PoolCache<RecordedStackTrace, String> synchronizedMethodCallers =
            new PoolCache<>(Frames::callerOfSynchronizedMethod);
    private final PoolCache<RecordedStackTrace, Boolean> idlePoolWorkers = new PoolCache<>(Frames::isIdlePoolWorker);
    private final PoolCache<RecordedStackTrace, Boolean> poolHandOffs = new PoolCache<>(Frames::isPoolHandOff);
    /** The monitor lock of each monitor class object. */
    private final PoolCache<RecordedClass, LockData> monitorLocksByClass = new PoolCache<>(this::monitorLock);
    /** The fields read on every lock event, by position ({@link FieldReader}). */
    private final FieldReader stackTraceField = new FieldReader("stackTrace");
    private final FieldReader monitorClassField = new FieldReader("monitorClass");
    private final FieldReader previousOwnerField = new FieldReader("previousOwner");
    private final FieldReader parkedClassField = new FieldReader("parkedClass");
    private final FieldReader lockClassField = new FieldReader("lockClass");
    private final FieldReader lockIdField = new FieldReader("lockId");
    private final FieldReader holderField = new FieldReader("holder");

    LockCollector(RetentionCaps caps, FlameCollector flames, PoolCache<RecordedStackTrace, String> applicationFrames,
            PoolCache<RecordedStackTrace, String[]> stackMethods, Function<RecordedThread, ThreadData> threads,
            BiConsumer<String, Histogram> decodeInto) {
        this.caps = caps;
        this.flames = flames;
        this.applicationFrames = applicationFrames;
        this.stackMethods = stackMethods;
        this.threads = threads;
        this.decodeInto = decodeInto;
    }

    void onMonitorEnter(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        waiter.monitorEnterNanos += endNanos - startNanos;
        waiter.monitorEnters.add(startNanos, endNanos);
        LockData lock = monitorLocksByClass.get(monitorClassField.recordedClass(event));
        long holderId = holderId(lock, previousOwnerField.thread(event));
        RecordedStackTrace stack = stackTraceField.stackTrace(event);
        String[] methods = stackMethods.get(stack); // empty for a wait without a stack
        lock.addMonitorWait(waiter.javaId, startNanos, endNanos, holderId, applicationFrames.get(stack),
                methods.length == 0 ? null : methods[0], synchronizedMethodCallers.get(stack));
        flames.onLockWait(lock.key, stack, endNanos - startNanos);
    }

    private LockData monitorLock(RecordedClass monitorClass) {
        String lockClass = monitorClass == null ? "(unknown monitor)" : monitorClass.getName();
        return monitorLocks.computeIfAbsent(new LockKey(LockKind.MONITOR, lockClass, ""), this::lock);
    }

    void onPark(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        waiter.parks.add(startNanos, endNanos);
        RecordedClass parkedClass = parkedClassField.recordedClass(event);
        String lockClass = LockClasses.lockClassOfPark(parkedClass == null ? null : parkedClass.getName());
        RecordedStackTrace stack = stackTraceField.stackTrace(event);
        if (idlePoolWorkers.get(stack)) {
            waiter.idleParks.add(startNanos, endNanos);
        } else if (lockClass != null) {
            waiter.lockParks.add(startNanos, endNanos);
        }
        if (lockClass != null) {
            LockData lock = parkLocks.computeIfAbsent(new LockKey(LockKind.JUC, lockClass, ""), this::lock);
            lock.addWait(waiter.javaId, startNanos, endNanos, 0, applicationFrame(stack, lockClass));
            flames.onLockWait(lock.key, stack, endNanos - startNanos);
        }
    }

    /**
     * A paragent.LockWait ({@code withStack}) or paragent.LockWaitNoStack. The agent gives a stack
     * to a systematic sample of each thread's waits, among them its first on each lock; a wait
     * without one takes the stack of the same thread's latest wait on the same lock that had one
     * (JFR writes a thread's events in the order they were committed). Only when there is none (a
     * recording cut from a longer one) is its site unknown.
     */
    void onLockWait(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos,
            boolean withStack) {
        if (waiter == null) {
            return;
        }
        waiter.lockWaits.add(startNanos, endNanos);
        if (LockClasses.isCoordination(lockClassField.string(event))) {
            return; // parked time, but waiting for a latch or a queue is not lock contention
        }
        LockData lock = paragentLock(event);
        RecordedStackTrace stack = withStack ? stackTraceField.stackTrace(event) : null;
        if (stack != null) {
            if (waiter.heldLockStacks == null) {
                waiter.heldLockStacks = new HashMap<>();
            }
            waiter.heldLockStacks.put(lock.key, stack);
        } else if (waiter.heldLockStacks != null) {
            stack = waiter.heldLockStacks.get(lock.key);
        }
        if (stack != null && poolHandOffs.get(stack)) {
            // A pool's own queue lock, taken to hand a task over: task overhead, not the program's lock.
            poolHandOffLocks.add(lock.key);
            return;
        }
        long holderId = holderId(lock, holderField.thread(event));
        // The waiting line is the application's call of the lock, not the lock's own acquire().
        String site = stack == null ? null : applicationFrame(stack, lock.key.lockClass());
        lock.addWait(waiter.javaId, startNanos, endNanos, holderId, site);
        flames.onLockWait(lock.key, stack, endNanos - startNanos);
    }

    void onLockSummary(RecordedEvent event) {
        if (LockClasses.isCoordination(event.getString("lockClass"))) {
            return;
        }
        LockData lock = paragentLock(event);
        lock.hasSummary = true;
        lock.summaryWaits += event.getLong("waits");
        lock.summaryWaitNanos += event.getLong("waitNanos");
        lock.summaryMaxWaitNanos = Math.max(lock.summaryMaxWaitNanos, event.getLong("maxWaitNanos"));
        decodeInto.accept(event.getString("histogram"), lock.summaryWaitNanosHistogram);
    }

    private LockData lock(LockKey key) {
        return new LockData(key, caps);
    }

    private LockData paragentLock(RecordedEvent event) {
        String lockClass = lockClassField.string(event);
        if (lockClass == null || lockClass.isEmpty()) {
            lockClass = "(unknown lock)";
        }
        LockKey key = new LockKey(LockKind.JUC, lockClass, Integer.toHexString(lockIdField.intValue(event)));
        return paragentLocks.computeIfAbsent(key, this::lock);
    }

    private long holderId(LockData lock, RecordedThread holder) {
        ThreadData data = threads.apply(holder);
        if (data == null) {
            return 0;
        }
        lock.holderNames.put(data.javaId, data.name);
        return data.javaId;
    }

    /** @return the first application frame of {@code stack} that is not inside {@code lockClass} */
    private String applicationFrame(RecordedStackTrace stack, String lockClass) {
        return applicationFramesByLock.computeIfAbsent(lockClass,
                c -> new PoolCache<>(st -> Frames.firstApplicationFrame(st, c))).get(stack);
    }
}
