package paragent.agent.bootstrap;

import java.io.FileDescriptor;
import java.io.FileInputStream;

/**
 * Called by the advice woven into {@code FileInputStream}/{@code FileOutputStream} reads and
 * writes (pipes), the socket implementations' reads, writes, connects and accepts, the process
 * start and the top-level {@code ObjectOutputStream}/{@code ObjectInputStream} calls; forwards
 * to the installed {@link ChannelSink}.
 *
 * <p>File streams are the hottest path woven by the agent: their advice reads
 * {@link #pipesRegistered} and does nothing more while no pipe is followed. Called concurrently
 * from application threads; never throws.
 */
public final class ChannelHooks {

    /** {@link ChannelSink#serializationBegin} token: not recorded. */
    public static final int UNTRACKED = 0;
    /** {@link ChannelSink#serializationBegin} token: inside another serialization call of the thread. */
    public static final int NESTED = 1;
    /** {@link ChannelSink#serializationBegin} token: a top-level call. */
    public static final int TOP_LEVEL = 2;

    /**
     * Whether any pipe is followed: the one field file-stream advice reads before anything else.
     * Written only through {@link #setPipesRegistered}.
     */
    public static volatile boolean pipesRegistered;

    private static volatile ChannelSink sink;

    private ChannelHooks() {
    }

    /** Starts delivering channel I/O to {@code newSink}; null stops it. */
    public static void install(ChannelSink newSink) {
        sink = newSink;
        if (newSink == null) {
            pipesRegistered = false;
        }
    }

    /** Called by the sink as its set of pipes becomes non-empty or empty. */
    public static void setPipesRegistered(boolean registered) {
        pipesRegistered = registered && sink != null;
    }

    /** Entry of a {@code FileInputStream} read while pipes are followed; returns the channel or null. */
    public static Object pipeReadBegin(FileInputStream in, FileDescriptor fd) {
        try {
            ChannelSink current = sink;
            Object channel = current != null && fd != null ? current.pipe(fd) : null;
            if (channel != null) {
                // The clock starts before the availability check: when the read then waits, the
                // check's own cost would have been spent waiting anyway.
                long begin = System.nanoTime();
                current.ioBegin(channel, IoInternals.nothingAvailable(in), begin);
            }
            return channel;
        } catch (Throwable t) {
            HookFailures.report("pipe recording", t);
            return null;
        }
    }

    /** Entry of a {@code FileOutputStream} write while pipes are followed; returns the channel or null. */
    public static Object pipeWriteBegin(FileDescriptor fd) {
        try {
            ChannelSink current = sink;
            Object channel = current != null && fd != null ? current.pipe(fd) : null;
            if (channel != null) {
                current.ioBegin(channel, false, System.nanoTime());
            }
            return channel;
        } catch (Throwable t) {
            HookFailures.report("pipe recording", t);
            return null;
        }
    }

    /** Entry of a socket read or write; returns the channel or null. */
    public static Object socketBegin(Object endpoint) {
        try {
            ChannelSink current = sink;
            Object channel = current != null ? current.socket(endpoint) : null;
            if (channel != null) {
                current.ioBegin(channel, false, System.nanoTime());
            }
            return channel;
        } catch (Throwable t) {
            HookFailures.report("socket recording", t);
            return null;
        }
    }

    /** Exit of a read or write whose entry returned {@code channel} (non-null). */
    public static void end(Object channel, boolean write, long bytes, Throwable thrown) {
        try {
            ChannelSink current = sink;
            if (current != null) {
                current.ioEnd(channel, write, Math.max(0, bytes), thrown != null);
            }
        } catch (Throwable t) {
            HookFailures.report("channel recording", t);
        }
    }

    /** Entry of a connect or accept: the event whose duration is the call, or null. */
    public static ChannelOpenEvent openBegin() {
        try {
            if (sink == null) {
                return null;
            }
            ChannelOpenEvent event = new ChannelOpenEvent();
            event.begin();
            return event;
        } catch (Throwable t) {
            HookFailures.report("socket recording", t);
            return null;
        }
    }

    /** Exit of a connect ({@code server} false) or accept that returned the connected {@code endpoint}. */
    public static void openEnd(ChannelOpenEvent event, Object endpoint, boolean server, Throwable thrown) {
        try {
            ChannelSink current = sink;
            if (event != null && endpoint != null && thrown == null && current != null) {
                event.end();
                current.socketOpened(endpoint, server, event);
            }
        } catch (Throwable t) {
            HookFailures.report("socket recording", t);
        }
    }

    /** Called by {@link ProcessSpawns} for every started child. */
    static void childStarted(Process process, String command) {
        try {
            ChannelSink current = sink;
            if (current != null) {
                current.childStarted(process, command);
            }
        } catch (Throwable t) {
            HookFailures.report("pipe recording", t);
        }
    }

    /** Entry of {@code writeObject}, {@code writeUnshared}, {@code readObject} or {@code readUnshared}. */
    public static int serializationBegin() {
        try {
            ChannelSink current = sink;
            return current != null ? current.serializationBegin() : UNTRACKED;
        } catch (Throwable t) {
            HookFailures.report("serialization recording", t);
            return UNTRACKED;
        }
    }

    /** Exit of the call whose entry returned {@code token}. */
    public static void serializationEnd(int token, boolean write, Object object, Throwable thrown) {
        try {
            ChannelSink current = sink;
            if (token != UNTRACKED && current != null) {
                current.serializationEnd(token, write, thrown == null ? object : null);
            }
        } catch (Throwable t) {
            HookFailures.report("serialization recording", t);
        }
    }
}
