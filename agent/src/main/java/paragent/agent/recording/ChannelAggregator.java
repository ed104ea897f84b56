package paragent.agent.recording;

import java.io.FileDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import paragent.agent.bootstrap.ChannelHooks;
import paragent.agent.bootstrap.ChannelOpEvent;
import paragent.agent.bootstrap.ChannelOpenEvent;
import paragent.agent.bootstrap.ChannelSink;
import paragent.agent.bootstrap.IoInternals;
import paragent.agent.bootstrap.ProcessSpawns;
import paragent.agent.internal.Log;

/**
 * Follows the program's pipes and sockets: registers channels (a started child's pipe streams,
 * this JVM's own stdin/stdout/stderr when they are pipes, sockets at connect, accept or first
 * I/O) and writes {@link ChannelOpenEvent}s, counts every read and write per (channel, thread)
 * into {@link ChannelLane}s written as {@code ChannelSummary} events every second, and commits a
 * {@link ChannelOpEvent} for calls of at least {@link #SLOW_OP_NANOS} and for each lane's first
 * read and first write, at most {@link #MAX_OPS_PER_SECOND} a second. Serialization calls are
 * handed to the {@link SerializationAggregator} with the channel I/O their thread did inside them.
 *
 * <p>Concurrency: the sink methods run in application threads; in steady state they use the
 * thread's own {@link ThreadState} and lock-free lookups, take no lock and allocate nothing.
 * Registration (rare) takes the {@link ChannelTable}'s private monitor. {@link #emitChannels}
 * runs in the flush thread and JFR's periodic thread, serialized on a private monitor. Memory:
 * see {@link ChannelTable} and {@link Channel}.
 */
final class ChannelAggregator implements ChannelSink {

    /** Calls at least this long become {@code ChannelOp} events. */
    static final long SLOW_OP_NANOS = 1_000_000;
    /** {@code ChannelOp} events per second at most; beyond, dropped (the summaries stay exact). */
    static final int MAX_OPS_PER_SECOND = 500;
    private static final String[] STD_STREAMS = {"stdin", "stdout", "stderr"};
    private static final FileDescriptor[] STD_DESCRIPTORS = {FileDescriptor.in, FileDescriptor.out, FileDescriptor.err};

    private final ChannelTable pipes = new ChannelTable();
    private final ChannelTable sockets = new ChannelTable();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong opSecond = new AtomicLong();
    private final AtomicInteger opsInSecond = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Object emitLock = new Object();
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final SerializationAggregator serialization = new SerializationAggregator();

    /** Registers fd 0, 1 and 2 of this JVM that are pipes: this JVM is then the child of a pipe. */
    void registerOwnPipes() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        for (int fd = 0; fd < STD_STREAMS.length; fd++) {
            long inode = pipeInode(fd);
            if (inode >= 0) {
                ChannelOpenEvent event = new ChannelOpenEvent();
                event.side = "child";
                event.stream = STD_STREAMS[fd];
                event.peerPid = parent != null ? parent.pid() : -1;
                event.peerCommand = parent != null ? commandOf(parent) : null;
                event.pipeInode = inode;
                registerPipe(STD_DESCRIPTORS[fd], event);
            }
        }
    }

    @Override
    public void childStarted(Process process, String command) {
        registerChildPipe(IoInternals.descriptorOf(process.getOutputStream()), "stdin", process, command);
        registerChildPipe(IoInternals.descriptorOf(process.getInputStream()), "stdout", process, command);
        registerChildPipe(IoInternals.descriptorOf(process.getErrorStream()), "stderr", process, command);
    }

    private void registerChildPipe(FileDescriptor fd, String stream, Process process, String command) {
        if (fd == null) {
            return; // redirected: no pipe
        }
        ChannelOpenEvent event = new ChannelOpenEvent();
        event.side = "parent";
        event.stream = stream;
        event.peerPid = process.pid();
        event.peerCommand = command;
        event.pipeInode = pipeInode(IoInternals.number(fd));
        registerPipe(fd, event);
    }

    private void registerPipe(FileDescriptor fd, ChannelOpenEvent event) {
        Channel channel = pipes.add(new Channel(fd, nextId.getAndIncrement(), IoInternals.canTellAvailable()));
        if (channel == null) {
            refused();
            return;
        }
        ChannelHooks.setPipesRegistered(true);
        event.channelId = channel.id;
        event.kind = "pipe";
        event.commit();
    }

    @Override
    public Object pipe(FileDescriptor fd) {
        return pipes.find(fd);
    }

    @Override
    public Object socket(Object endpoint) {
        Channel channel = sockets.find(endpoint);
        return channel != null ? channel : registerSocket(endpoint, null, false);
    }

    @Override
    public void socketOpened(Object endpoint, boolean server, ChannelOpenEvent event) {
        if (sockets.find(endpoint) == null) {
            registerSocket(endpoint, event, server);
        }
    }

    /** Registers a socket seen at connect or accept ({@code opened} begun there), or at its first I/O. */
    private Channel registerSocket(Object endpoint, ChannelOpenEvent opened, boolean server) {
        Channel channel = sockets.add(new Channel(endpoint, nextId.getAndIncrement(), false));
        if (channel == null) {
            refused();
            return null;
        }
        ChannelOpenEvent event = opened != null ? opened : new ChannelOpenEvent();
        event.channelId = channel.id;
        event.kind = "socket";
        event.side = server ? "server" : "client";
        event.peerPid = -1;
        event.pipeInode = -1;
        event.localAddress = IoInternals.localAddress(endpoint);
        event.remoteAddress = IoInternals.remoteAddress(endpoint);
        event.commit();
        return channel;
    }

    private void refused() {
        if (refusals.getAndIncrement() == 0) {
            Log.line("more than " + ChannelTable.MAX_CHANNELS + " pipes or sockets open at once; further ones are not followed");
        }
    }

    @Override
    public void ioBegin(Object channel, boolean idle, long beginNanos) {
        ThreadState state = threads.get();
        state.idle = idle;
        state.op.begin();
        state.beginNanos = beginNanos;
    }

    @Override
    public void ioEnd(Object token, boolean write, long bytes, boolean failed) {
        ThreadState state = threads.get();
        long nanos = System.nanoTime() - state.beginNanos;
        Channel channel = (Channel) token;
        ChannelLane lane = state.laneFor(channel);
        long moved = failed ? 0 : bytes;
        boolean first;
        if (write) {
            lane.wrote(moved, nanos);
            first = !lane.writeSeen;
            lane.writeSeen = true;
        } else {
            lane.read(moved, nanos, state.idle);
            first = !lane.readSeen;
            lane.readSeen = true;
        }
        if (state.serialDepth > 0) {
            state.serialCall.channelIo(channel.id, moved, nanos);
        }
        if ((first || nanos >= SLOW_OP_NANOS) && opAllowed()) {
            ChannelOpEvent op = state.op;
            op.end();
            op.channelId = channel.id;
            op.operation = write ? "write" : "read";
            op.bytes = moved;
            op.commit();
        }
    }

    /** At most {@link #MAX_OPS_PER_SECOND} ops per wall-clock second, all threads together. */
    private boolean opAllowed() {
        long second = System.currentTimeMillis() / 1000;
        long current = opSecond.get();
        if (second != current && opSecond.compareAndSet(current, second)) {
            opsInSecond.set(0);
        }
        return opsInSecond.incrementAndGet() <= MAX_OPS_PER_SECOND;
    }

    @Override
    public int serializationBegin() {
        ThreadState state = threads.get();
        if (state.serialDepth++ > 0) {
            return ChannelHooks.NESTED;
        }
        state.serialCall.begin();
        return ChannelHooks.TOP_LEVEL;
    }

    @Override
    public void serializationEnd(int token, boolean write, Object object) {
        ThreadState state = threads.get();
        if (state.serialDepth > 0) {
            state.serialDepth--;
        }
        if (token == ChannelHooks.TOP_LEVEL && state.serialDepth == 0) {
            serialization.record(write, object, state.serialCall);
        }
    }

    /** Writes the channels' summaries; forgets channels whose endpoint was closed or collected, after their last summary. */
    void emitChannels() {
        synchronized (emitLock) {
            pipes.forEach(channel -> emit(channel, pipes));
            sockets.forEach(channel -> emit(channel, sockets));
            ChannelHooks.setPipesRegistered(!pipes.isEmpty());
        }
    }

    private static void emit(Channel channel, ChannelTable table) {
        Object endpoint = channel.get();
        boolean gone = endpoint == null || IoInternals.isClosed(endpoint);
        channel.emit();
        if (gone) {
            table.remove(channel);
        }
    }

    /** Writes the serialization summaries. */
    void emitSerialization() {
        serialization.emit();
    }

    /** The inode of {@code /proc/self/fd/<fd>} when it is {@code pipe:[inode]}, else -1. */
    static long pipeInode(int fd) {
        try {
            if (fd < 0) {
                return -1;
            }
            String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return link.startsWith("pipe:[") && link.endsWith("]")
                    ? Long.parseLong(link.substring(6, link.length() - 1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        String command = info.commandLine().orElse(info.command().orElse(null));
        return command == null || command.length() <= ProcessSpawns.MAX_COMMAND_CHARS ? command
                : command.substring(0, ProcessSpawns.MAX_COMMAND_CHARS);
    }

    /**
     * Per-thread state, touched only by its thread: the call in progress (one at a time: a
     * stream's read or write never calls another's), the thread's reused {@link ChannelOpEvent},
     * its last {@value #CACHED} (channel, lane) pairs, and its serialization call.
     */
    private static final class ThreadState {
        private static final int CACHED = 8;
        final ChannelOpEvent op = new ChannelOpEvent();
        final SerializationAggregator.Call serialCall = new SerializationAggregator.Call();
        final Channel[] channels = new Channel[CACHED];
        final ChannelLane[] lanes = new ChannelLane[CACHED];
        long beginNanos;
        boolean idle;
        int serialDepth;
        private int next;

        ChannelLane laneFor(Channel channel) {
            for (int i = 0; i < CACHED; i++) {
                if (channels[i] == channel) {
                    return lanes[i];
                }
            }
            ChannelLane lane = channel.laneFor(Thread.currentThread());
            channels[next] = channel;
            lanes[next] = lane;
            next = (next + 1) % CACHED;
            return lane;
        }
    }
}
