package paragent.agent.bootstrap;

import java.io.FileDescriptor;

/**
 * Receives the reads and writes on pipes and sockets, connects and accepts, started children and
 * top-level serialization calls seen by {@link ChannelHooks}. The agent's channel aggregator
 * implements it from its own class loader. Called concurrently from application threads inside
 * their I/O: implementations must be thread-safe, must not allocate in steady state, must never
 * block on application locks and must not throw.
 */
public interface ChannelSink {

    /** The registered pipe channel of {@code fd}, or null (the common case: not a followed pipe). */
    Object pipe(FileDescriptor fd);

    /**
     * The channel of a connected socket ({@code SocketImpl} or {@code SocketChannel}), registered
     * on first sight; null when it cannot be followed (too many channels).
     */
    Object socket(Object endpoint);

    /**
     * A read ({@code idle}: it began with nothing available) or a write on {@code channel} began in
     * this thread at {@code beginNanos} ({@link System#nanoTime()}).
     */
    void ioBegin(Object channel, boolean idle, long beginNanos);

    /** The call begun by the last {@link #ioBegin} of this thread ended. */
    void ioEnd(Object channel, boolean write, long bytes, boolean failed);

    /** A connect ({@code server} false) or accept returned {@code endpoint}; {@code event} was begun at the call's start. */
    void socketOpened(Object endpoint, boolean server, ChannelOpenEvent event);

    /** A child process started, not yet returned to the application: its pipe streams become channels. */
    void childStarted(Process process, String command);

    /**
     * A serialization call begins in this thread.
     *
     * @return a token for {@link #serializationEnd}: {@link ChannelHooks#TOP_LEVEL} or {@link ChannelHooks#NESTED}
     */
    int serializationBegin();

    /** The call that {@link #serializationBegin} saw ended; {@code object} was written or read (null on failure). */
    void serializationEnd(int token, boolean write, Object object);
}
