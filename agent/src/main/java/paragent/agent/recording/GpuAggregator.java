package paragent.agent.recording;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paragent.agent.bootstrap.GpuCommandEvent;
import paragent.agent.bootstrap.GpuSink;
import paragent.agent.bootstrap.GpuWaitEvent;
import paragent.agent.internal.Log;

/**
 * Follows the OpenCL commands the program enqueues through its own JOCL: keeps each command's
 * event (the agent's own when the program passed none, else the agent's retain of the program's)
 * in its {@link GpuQueue}, and when the program synchronizes ({@code clFinish},
 * {@code clWaitForEvents}, a blocking read, write or map) reads the completed commands' profiling
 * info, commits their {@link GpuCommandEvent}s (at most {@link #MAX_COMMANDS_PER_SECOND} a second)
 * and releases the agent's reference, exactly once. Times host threads blocked on the device as
 * {@link GpuWaitEvent}s and writes each queue's summaries every second.
 *
 * <p>Concurrency: the sink methods run in application threads inside their OpenCL calls and take
 * only the private monitor of one {@link GpuQueue} at a time; per-thread state is the reused
 * {@link Call}. JOCL's own {@code AsyncOpThread}s, which wait for the events of non-blocking
 * transfers to let go of the host buffers, are not the program's waits and are ignored. Memory:
 * at most {@link #MAX_QUEUES} queues (commands on further queues are not recorded) and
 * {@link #MAX_KERNELS} cached kernel names; see {@link GpuQueue} for the commands per queue.
 */
final class GpuAggregator implements GpuSink {

    /** {@code GpuCommand} events per second at most; beyond, only the summaries count them. */
    static final int MAX_COMMANDS_PER_SECOND = 2_000;
    /** Queues followed at most, over the run (keyed by OpenCL handle). */
    static final int MAX_QUEUES = 256;
    /** Kernel names cached at most; the cache starts over when full. */
    static final int MAX_KERNELS = 1_024;
    /** The name prefix of JOCL's threads that wait for non-blocking transfers on its behalf. */
    static final String JOCL_ASYNC_THREAD = "AsyncOpThread-";

    private final Map<Long, GpuQueue> queues = new ConcurrentHashMap<>();
    private final Map<Long, KernelName> kernelNames = new ConcurrentHashMap<>();
    private final AtomicLong nextQueueId = new AtomicLong(1);
    private final AtomicLong commandSecond = new AtomicLong();
    private final AtomicInteger commandsInSecond = new AtomicInteger();
    private final AtomicBoolean queuesRefused = new AtomicBoolean();
    private final AtomicBoolean commandsRefused = new AtomicBoolean();
    private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

    @Override
    public Object withProfiling(Class<?> cl, Object properties) {
        try {
            return JoclApi.FOR_CLASS.get(cl).withProfiling(properties);
        } catch (Throwable t) {
            Log.failure("could not enable profiling on an OpenCL queue", t);
            return properties;
        }
    }

    @Override
    public Object callBegin(boolean blocks, boolean ownEvent) {
        if (blocks && Thread.currentThread().getName().startsWith(JOCL_ASYNC_THREAD)) {
            return null;
        }
        Call call = calls.get();
        call.blocks = blocks;
        call.ownEvent = ownEvent;
        if (blocks) {
            call.wait.begin();
        }
        return call;
    }

    @Override
    public void transferEnqueued(Object token, Class<?> cl, String method, Object queue, Object event, long bytes,
            boolean blocking, boolean succeeded) {
        Call call = (Call) token;
        long hostNanos = System.nanoTime();
        JoclApi api = JoclApi.FOR_CLASS.get(cl);
        GpuQueue state = queue(api, queue);
        endWait(call, method, state);
        if (!succeeded) {
            return;
        }
        if (state == null) {
            releaseOwn(api, call, event);
            return;
        }
        GpuCommandEvent command = command(state, kindOf(method), null, bytes, 0, blocking, hostNanos);
        track(api, state, call.ownEvent, event, command);
        if (blocking) {
            state.harvest(this);
        }
    }

    @Override
    public void kernelEnqueued(Object token, Class<?> cl, Object queue, Object event, Object kernel, int workDim,
            long[] globalWorkSize, boolean succeeded) {
        Call call = (Call) token;
        long hostNanos = System.nanoTime();
        JoclApi api = JoclApi.FOR_CLASS.get(cl);
        GpuQueue state = queue(api, queue);
        if (!succeeded) {
            return;
        }
        if (state == null) {
            releaseOwn(api, call, event);
            return;
        }
        long globalSize = 1;
        for (int i = 0; i < workDim && globalWorkSize != null && i < globalWorkSize.length; i++) {
            globalSize *= globalWorkSize[i];
        }
        GpuCommandEvent command = command(state, "kernel", kernelName(api, kernel), 0, globalSize, false, hostNanos);
        track(api, state, call.ownEvent, event, command);
    }

    @Override
    public void finished(Object token, Class<?> cl, Object queue, boolean succeeded) {
        JoclApi api = JoclApi.FOR_CLASS.get(cl);
        GpuQueue state = queue(api, queue);
        endWait((Call) token, "clFinish", state);
        if (state != null) {
            state.harvest(this);
        }
    }

    @Override
    public void eventsWaited(Object token, Class<?> cl, Object[] events, boolean succeeded) {
        Call call = (Call) token;
        JoclApi api = JoclApi.FOR_CLASS.get(cl);
        GpuQueue waitedOn = events != null && events.length > 0 && events[0] != null ? holder(api, events[0]) : null;
        endWait(call, "clWaitForEvents", waitedOn);
        queues.values().forEach(state -> state.harvest(this));
    }

    /** Writes every queue's summaries. */
    void emit() {
        queues.values().forEach(GpuQueue::emit);
    }

    /** Releases the events still pending: the recording is over and nothing will read them. */
    void close() {
        queues.values().forEach(GpuQueue::releaseAll);
    }

    /** At most {@link #MAX_COMMANDS_PER_SECOND} commands per wall-clock second, all queues together. */
    boolean commandAllowed() {
        long second = System.currentTimeMillis() / 1000;
        long current = commandSecond.get();
        if (second != current && commandSecond.compareAndSet(current, second)) {
            commandsInSecond.set(0);
        }
        return commandsInSecond.incrementAndGet() <= MAX_COMMANDS_PER_SECOND;
    }

    private static GpuCommandEvent command(GpuQueue state, String kind, String kernelName, long bytes,
            long globalSize, boolean blocking, long hostNanos) {
        GpuCommandEvent command = new GpuCommandEvent();
        command.begin();
        command.end();
        command.queueId = state.id;
        command.kind = kind;
        command.kernelName = kernelName;
        command.bytes = Math.max(0, bytes);
        command.globalSize = globalSize;
        command.blocking = blocking;
        command.hostEnqueueNanos = hostNanos;
        return command;
    }

    /**
     * Hands the command to its queue with one OpenCL reference to its event: the agent's own event
     * as it is, the program's retained and copied (the program may reuse its {@code cl_event}
     * object for another command); releases that reference at once when the queue does not keep it.
     */
    private void track(JoclApi api, GpuQueue state, boolean ownEvent, Object event, GpuCommandEvent command) {
        Object held = null;
        if (event != null && (ownEvent || api.retain(event))) {
            try {
                held = ownEvent ? event : api.copyOf(event);
            } catch (Throwable t) {
                api.release(event);
            }
        }
        if (!state.enqueued(this, command, held) && held != null) {
            api.release(held);
            if (!commandsRefused.getAndSet(true)) {
                Log.line("more than " + GpuQueue.MAX_PENDING + " OpenCL commands pending on a queue without a"
                        + " clFinish or blocking read; further ones are counted but not profiled until then");
            }
        }
    }

    /** Releases the event the advice created for a command that is not followed. */
    private static void releaseOwn(JoclApi api, Call call, Object event) {
        if (call.ownEvent && event != null) {
            api.release(event);
        }
    }

    private GpuQueue queue(JoclApi api, Object queue) {
        if (queue == null) {
            return null;
        }
        long handle;
        try {
            handle = api.handle(queue);
        } catch (Throwable t) {
            return null;
        }
        GpuQueue state = queues.get(handle);
        if (state != null) {
            return state;
        }
        if (queues.size() >= MAX_QUEUES) {
            if (!queuesRefused.getAndSet(true)) {
                Log.line("more than " + MAX_QUEUES + " OpenCL command queues; commands on further ones are not recorded");
            }
            return null;
        }
        return queues.computeIfAbsent(handle, key -> new GpuQueue(nextQueueId.getAndIncrement(), api));
    }

    /** The queue holding the event whose handle {@code event} has, or null. */
    private GpuQueue holder(JoclApi api, Object event) {
        try {
            long handle = api.handle(event);
            for (GpuQueue state : queues.values()) {
                if (state.holds(handle)) {
                    return state;
                }
            }
        } catch (Throwable t) {
            // Not one the agent follows.
        }
        return null;
    }

    private String kernelName(JoclApi api, Object kernel) {
        if (kernel == null) {
            return null;
        }
        long handle;
        try {
            handle = api.handle(kernel);
        } catch (Throwable t) {
            return null;
        }
        KernelName cached = kernelNames.get(handle);
        if (cached != null && cached.kernel.get() == kernel) {
            return cached.name;
        }
        String name = api.kernelName(kernel);
        if (kernelNames.size() >= MAX_KERNELS) {
            kernelNames.clear();
        }
        kernelNames.put(handle, new KernelName(new WeakReference<>(kernel), name));
        return name;
    }

    private static void endWait(Call call, String method, GpuQueue state) {
        if (!call.blocks) {
            return;
        }
        GpuWaitEvent wait = call.wait;
        wait.end();
        if (wait.shouldCommit()) {
            wait.call = method;
            wait.queueId = state != null ? state.id : 0;
            wait.commit();
        }
    }

    private static String kindOf(String method) {
        switch (method) {
            case "clEnqueueWriteBuffer":
                return "write";
            case "clEnqueueReadBuffer":
                return "read";
            case "clEnqueueCopyBuffer":
                return "copy";
            case "clEnqueueFillBuffer":
                return "fill";
            default:
                return "map";
        }
    }

    /** A kernel's name, valid while the same {@code cl_kernel} object is passed (handles are reused after release). */
    private record KernelName(WeakReference<Object> kernel, String name) {
    }

    /** A thread's OpenCL call in progress: JOCL's calls do not nest, so one per thread is reused. */
    private static final class Call {
        final GpuWaitEvent wait = new GpuWaitEvent();
        boolean blocks;
        boolean ownEvent;
    }
}
