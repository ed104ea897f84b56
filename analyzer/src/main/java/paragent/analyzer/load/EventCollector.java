package paragent.analyzer.load;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.HdrHistogram.Histogram;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;

/**
 * Accumulates the events of one recording, one at a time, into {@link ThreadData} and
 * {@link LockData}. Events may arrive in any order. Mutable; confined to the loading thread.
 */
final class EventCollector {

    final Map<Long, ThreadData> threads = new LinkedHashMap<>();
    final Map<LockKey, LockData> monitorLocks = new LinkedHashMap<>();
    /** j.u.c. locks from paragent.LockWait / paragent.LockSummary. */
    final Map<LockKey, LockData> paragentLocks = new LinkedHashMap<>();
    /** j.u.c. locks from jdk.ThreadPark; used only when paragent recorded none. */
    final Map<LockKey, LockData> parkLocks = new LinkedHashMap<>();

    long recordingStartNanos = Long.MAX_VALUE;
    long recordingEndNanos = Long.MIN_VALUE;
    long events;
    boolean sawThreadLifecycle;
    boolean sawThreadTimes;
    int histogramDecodeFailures;

    Long pid;
    String jvmVersion;
    String command;
    int hwThreads;
    int runInfoProcessors;
    long runInfoSamplePeriodMillis;

    /** One shared copy of each {@code pkg.Class.method} seen on sampled stacks. */
    private final Map<String, String> internedMethods = new HashMap<>();

    /** Event type id to name, for jdk.ActiveSetting. */
    final Map<Long, String> typeNames = new HashMap<>();
    /** jdk.ActiveSetting values: event type id, then setting name to value (last wins). */
    final Map<Long, Map<String, String>> activeSettings = new HashMap<>();

    void accept(RecordedEvent event) {
        events++;
        long startNanos = nanos(event.getStartTime());
        long endNanos = nanos(event.getEndTime());
        recordingStartNanos = Math.min(recordingStartNanos, startNanos);
        recordingEndNanos = Math.max(recordingEndNanos, endNanos);
        String type = event.getEventType().getName();
        typeNames.putIfAbsent(event.getEventType().getId(), type);
        ThreadData eventThread = thread(event.getThread());
        if (eventThread != null) {
            eventThread.seen(startNanos, endNanos);
        }
        switch (type) {
            case "jdk.JavaMonitorEnter" -> onMonitorEnter(event, eventThread, startNanos, endNanos);
            case "jdk.JavaMonitorWait" -> {
                if (eventThread != null) {
                    eventThread.monitorWaitNanos += endNanos - startNanos;
                }
            }
            case "jdk.ThreadSleep" -> {
                if (eventThread != null) {
                    eventThread.sleepNanos += endNanos - startNanos;
                }
            }
            case "jdk.ThreadPark" -> onPark(event, eventThread, startNanos, endNanos);
            case "jdk.ExecutionSample" -> onExecutionSample(event, startNanos);
            case "jdk.ThreadCPULoad" -> {
                if (eventThread != null) {
                    double load = event.getFloat("user") + event.getFloat("system");
                    eventThread.cpuLoads.add(new double[] {startNanos, load});
                }
            }
            case "jdk.ThreadStart" -> onLifecycle(event, startNanos, true);
            case "jdk.ThreadEnd" -> onLifecycle(event, startNanos, false);
            case "jdk.JVMInformation" -> {
                pid = event.getLong("pid");
                jvmVersion = event.getString("jvmVersion");
                if (command == null) {
                    command = event.getString("javaArguments");
                }
            }
            case "jdk.CPUInformation" -> hwThreads = event.getInt("hwThreads");
            case "jdk.ActiveSetting" -> activeSettings
                    .computeIfAbsent(event.getLong("id"), id -> new HashMap<>())
                    .put(event.getString("name"), event.getString("value"));
            case "paragent.RunInfo" -> onRunInfo(event);
            case "paragent.LockWait" -> onLockWait(event, eventThread, startNanos, endNanos);
            case "paragent.LockSummary" -> onLockSummary(event);
            case "paragent.ThreadTimes" -> onThreadTimes(event, startNanos);
            default -> {
                // Other events only bound the recording and the thread lifetimes.
            }
        }
    }

    private void onMonitorEnter(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        waiter.monitorEnterNanos += endNanos - startNanos;
        RecordedClass monitorClass = event.getClass("monitorClass");
        String lockClass = monitorClass == null ? "(unknown monitor)" : monitorClass.getName();
        LockData lock = monitorLocks.computeIfAbsent(new LockKey(LockKind.MONITOR, lockClass, ""), LockData::new);
        long holderId = holderId(lock, event.getThread("previousOwner"));
        lock.addWait(waiter.javaId, startNanos, endNanos, holderId, Frames.firstApplicationFrame(event.getStackTrace()));
    }

    private void onPark(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        waiter.parks.add(startNanos, endNanos);
        RecordedClass parkedClass = event.getClass("parkedClass");
        String lockClass = LockClasses.lockClassOfPark(parkedClass == null ? null : parkedClass.getName());
        if (lockClass != null) {
            LockData lock = parkLocks.computeIfAbsent(new LockKey(LockKind.JUC, lockClass, ""), LockData::new);
            lock.addWait(waiter.javaId, startNanos, endNanos, 0,
                    Frames.firstApplicationFrame(event.getStackTrace(), lockClass));
        }
    }

    private void onLockWait(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        waiter.lockWaits.add(startNanos, endNanos);
        if (LockClasses.isCoordination(event.getString("lockClass"))) {
            return; // parked time, but waiting for a latch or a queue is not lock contention
        }
        LockData lock = paragentLock(event);
        long holderId = holderId(lock, event.getThread("holder"));
        // The waiting line is the application's call of the lock, not the lock's own acquire().
        lock.addWait(waiter.javaId, startNanos, endNanos, holderId,
                Frames.firstApplicationFrame(event.getStackTrace(), lock.key.lockClass()));
    }

    private void onLockSummary(RecordedEvent event) {
        if (LockClasses.isCoordination(event.getString("lockClass"))) {
            return;
        }
        LockData lock = paragentLock(event);
        lock.hasSummary = true;
        lock.summaryWaits += event.getLong("waits");
        lock.summaryWaitNanos += event.getLong("waitNanos");
        lock.summaryMaxWaitNanos = Math.max(lock.summaryMaxWaitNanos, event.getLong("maxWaitNanos"));
        String encoded = event.getString("histogram");
        if (encoded != null && !encoded.isEmpty()) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
                lock.summaryWaitNanosHistogram.add(Histogram.decodeFromCompressedByteBuffer(bytes, 0));
            } catch (DataFormatException | RuntimeException e) {
                histogramDecodeFailures++;
            }
        }
    }

    private LockData paragentLock(RecordedEvent event) {
        String lockClass = event.getString("lockClass");
        if (lockClass == null || lockClass.isEmpty()) {
            lockClass = "(unknown lock)";
        }
        LockKey key = new LockKey(LockKind.JUC, lockClass, Integer.toHexString(event.getInt("lockId")));
        return paragentLocks.computeIfAbsent(key, LockData::new);
    }

    private void onThreadTimes(RecordedEvent event, long atNanos) {
        ThreadData data = thread(event.getThread("thread"));
        if (data == null) {
            return;
        }
        sawThreadTimes = true;
        long[] values = {event.getLong("cpuNanos"), event.getLong("blockedNanos"), event.getLong("waitedNanos")};
        if (event.hasField("baseline") && event.getBoolean("baseline")) {
            if (data.threadTimesBaseline == null || atNanos < data.threadTimesBaselineAtNanos) {
                data.threadTimesBaselineAtNanos = atNanos;
                data.threadTimesBaseline = values;
            }
            return;
        }
        if (atNanos >= data.threadTimesAtNanos) {
            data.threadTimesAtNanos = atNanos;
            data.threadTimes = values;
        }
    }

    private void onExecutionSample(RecordedEvent event, long atNanos) {
        ThreadData sampled = thread(event.getThread("sampledThread"));
        if (sampled == null) {
            return;
        }
        sampled.seen(atNanos, atNanos);
        sampled.executionSamples++;
        String frame = Frames.firstApplicationFrame(event.getStackTrace());
        if (frame != null) {
            sampled.sampleTimes.add(atNanos, sampled.sampleFrames.size());
            sampled.sampleFrames.add(frame);
            sampled.sampleStacks.add(Frames.methods(event.getStackTrace(), internedMethods));
        }
    }

    private void onLifecycle(RecordedEvent event, long atNanos, boolean start) {
        RecordedThread recorded = event.hasField("thread") ? event.getThread("thread") : event.getThread();
        ThreadData data = thread(recorded);
        if (data == null) {
            return;
        }
        sawThreadLifecycle = true;
        data.seen(atNanos, atNanos);
        if (start) {
            data.startedNanos = atNanos;
        } else {
            data.endedNanos = atNanos;
        }
    }

    private void onRunInfo(RecordedEvent event) {
        if (event.hasField("command")) {
            command = event.getString("command");
        }
        if (event.hasField("pid")) {
            pid = event.getLong("pid");
        }
        if (event.hasField("availableProcessors")) {
            runInfoProcessors = event.getInt("availableProcessors");
        }
        if (event.hasField("samplePeriodMillis")) {
            runInfoSamplePeriodMillis = event.getLong("samplePeriodMillis");
        }
    }

    private long holderId(LockData lock, RecordedThread holder) {
        ThreadData data = thread(holder);
        if (data == null) {
            return 0;
        }
        lock.holderNames.put(data.javaId, data.name);
        return data.javaId;
    }

    /** @return the accumulator of a Java thread, or null for none or a non-Java thread */
    private ThreadData thread(RecordedThread recorded) {
        if (recorded == null || recorded.getJavaThreadId() <= 0) {
            return null;
        }
        ThreadData data = threads.computeIfAbsent(recorded.getJavaThreadId(), ThreadData::new);
        if (data.name == null) {
            data.name = recorded.getJavaName() != null ? recorded.getJavaName() : recorded.getOSName();
            if (recorded.getThreadGroup() != null) {
                data.group = recorded.getThreadGroup().getName();
            }
            long osId = recorded.getOSThreadId();
            data.osId = osId > 0 ? osId : null;
        }
        return data;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
