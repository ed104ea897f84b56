package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import paragent.analyzer.model.FlameStack;
import paragent.analyzer.model.FlameStacks;
import paragent.analyzer.model.LockKey;

/**
 * Accumulates the stacks of flame graphs while a recording is read: paragent.FlameStack and
 * paragent.FlameInfo, the stacks of jdk.ExecutionSample, and the waiting stack of each lock wait.
 * Mutable; confined to the loading thread.
 *
 * <p>Memory is bounded whatever the recording holds: at most {@link #MAX_STACKS} distinct
 * (thread, stack) entries per mode and for the execution samples, {@link #MAX_STACKS_PER_LOCK} per
 * lock, {@link #MAX_FRAMES} frames per stack; a new stack past a cap is folded into its thread's
 * (or lock's) {@value #OTHER_STACKS} entry and counted as dropped. Frame strings are shared.
 */
final class FlameCollector {

    /** Distinct (thread, stack) entries kept per mode, as the agent keeps (docs/EVENTS.md). */
    static final int MAX_STACKS = 20_000;
    /** Distinct waiting stacks kept per lock. */
    static final int MAX_STACKS_PER_LOCK = 2_000;
    /** Frames kept per stack, nearest the root. */
    static final int MAX_FRAMES = 256;
    /** The frame of stacks folded by a cap. */
    static final String OTHER_STACKS = "[other stacks]";
    /** The last frame of a stack cut at {@link #MAX_FRAMES}, or the root of one JFR truncated. */
    static final String TRUNCATED = "[truncated]";

    private final Map<String, Counts> byMode = new LinkedHashMap<>();
    private final Counts executionSamples = new Counts(MAX_STACKS);
    private final Map<LockKey, Counts> lockWaits = new LinkedHashMap<>();
    private final Map<String, String> internedFrames = new HashMap<>();
    /** Each stack's frames, decoded (and hashed) once per stack; the events of one stack share the list. */
    private final PoolCache<RecordedStackTrace, Stack> stackFrames = new PoolCache<>(s -> new Stack(frames(s)));
    /** The counts of each lock key object: one hash of the key per object, not per wait. */
    private final PoolCache<LockKey, Counts> lockWaitsByKey = new PoolCache<>(
            lock -> lockWaits.computeIfAbsent(lock, k -> new Counts(MAX_STACKS_PER_LOCK)));

    private String engine;
    private String modes = "";
    private String cpuEvent = "";
    private String note = "";
    private long recordedDroppedStacks;

    void onFlameStack(RecordedEvent event) {
        String mode = event.getString("mode");
        String collapsed = event.getString("frames");
        if (mode == null || collapsed == null) {
            return;
        }
        List<String> frames = new ArrayList<>();
        for (String frame : collapsed.split(";")) {
            if (!frame.isEmpty() && frames.size() < MAX_FRAMES) {
                frames.add(intern(frame));
            }
        }
        byMode.computeIfAbsent(mode, m -> new Counts(MAX_STACKS)).add(threadName(event.getString("thread")),
                new Stack(frames), event.getLong("samples"), event.getLong("weight"));
    }

    void onFlameInfo(RecordedEvent event) {
        engine = orEmpty(event.getString("engine"));
        modes = orEmpty(event.getString("modes"));
        cpuEvent = orEmpty(event.getString("cpuEvent"));
        note = orEmpty(event.getString("note"));
        recordedDroppedStacks += event.getLong("droppedStacks");
    }

    void onExecutionSample(String thread, RecordedStackTrace stack) {
        if (stack != null) {
            executionSamples.add(thread, stackFrames.get(stack), 1, 0);
        }
    }

    void onLockWait(LockKey lock, RecordedStackTrace stack, long waitNanos) {
        if (stack != null) {
            lockWaitsByKey.get(lock).add(null, stackFrames.get(stack), 1, Math.max(0, waitNanos));
        }
    }

    /**
     * @param locks the locks of the model: waiting stacks of others (a pool's hand-off lock, parks
     *              superseded by paragent's lock events) are left out
     * @param samplePeriodNanos the weight of one execution sample
     */
    FlameStacks build(Collection<LockKey> locks, long samplePeriodNanos) {
        Map<String, List<FlameStack>> modeStacks = new LinkedHashMap<>();
        long dropped = recordedDroppedStacks + executionSamples.dropped;
        for (Map.Entry<String, Counts> e : byMode.entrySet()) {
            modeStacks.put(e.getKey(), e.getValue().stacks());
            dropped += e.getValue().dropped;
        }
        Map<LockKey, List<FlameStack>> waits = new LinkedHashMap<>();
        for (LockKey key : locks) {
            Counts counts = lockWaits.get(key);
            if (counts != null) {
                waits.put(key, counts.stacks());
            }
        }
        return new FlameStacks(engine, modes, cpuEvent, note, dropped, modeStacks, executionSamples.stacks(),
                waits, samplePeriodNanos);
    }

    /** @return the Java frames of a JFR stack, root first, as {@code pkg.Class.method} */
    private List<String> frames(RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<RecordedFrame> recorded = stack.getFrames();
        List<String> frames = new ArrayList<>(Math.min(recorded.size(), MAX_FRAMES) + 1);
        if (stack.isTruncated()) {
            frames.add(TRUNCATED); // JFR kept the frames nearest the top: the root is missing
        }
        for (int i = recorded.size() - 1; i >= 0 && frames.size() < MAX_FRAMES; i--) {
            RecordedMethod method = recorded.get(i).getMethod();
            if (method != null && method.getType() != null) {
                frames.add(intern(method.getType().getName() + "." + method.getName()));
            }
        }
        if (frames.size() == MAX_FRAMES && recorded.size() > MAX_FRAMES) {
            frames.add(TRUNCATED);
        }
        return List.copyOf(frames);
    }

    private String intern(String frame) {
        return internedFrames.computeIfAbsent(frame, f -> f);
    }

    private static String threadName(String thread) {
        return thread == null || thread.isEmpty() ? null : thread;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Samples and weight per (thread, stack), at most {@code cap} entries plus one fold per thread. */
    private static final class Counts {
        private final int cap;
        private final Map<Key, long[]> stacks = new LinkedHashMap<>();
        long dropped;

        Counts(int cap) {
            this.cap = cap;
        }

        void add(String thread, Stack stack, long samples, long weight) {
            Key key = new Key(thread, stack);
            long[] counts = stacks.get(key);
            if (counts == null && stacks.size() >= cap) {
                dropped++;
                key = new Key(thread, new Stack(List.of(OTHER_STACKS)));
                counts = stacks.get(key);
            }
            if (counts == null) {
                counts = new long[2];
                stacks.put(key, counts);
            }
            counts[0] += samples;
            counts[1] += weight;
        }

        List<FlameStack> stacks() {
            List<FlameStack> result = new ArrayList<>(stacks.size());
            stacks.forEach((key, counts) -> result.add(new FlameStack(key.thread, key.stack.frames, counts[0],
                    counts[1])));
            return result;
        }
    }

    /** A stack's frames with their hash, computed once: a stack is looked up once per event. */
    private static final class Stack {
        final List<String> frames;
        final int hash;

        Stack(List<String> frames) {
            this.frames = frames;
            this.hash = frames.hashCode();
        }
    }

    /** A thread (null for a lock's stacks) and a stack; equal when both are. */
    private static final class Key {
        final String thread;
        final Stack stack;
        private final int hash;

        Key(String thread, Stack stack) {
            this.thread = thread;
            this.stack = stack;
            this.hash = 31 * Objects.hashCode(thread) + stack.hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Objects.equals(thread, k.thread)
                    && (stack == k.stack || stack.frames.equals(k.stack.frames));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
