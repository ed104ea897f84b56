package paragent.analyzer.model;

import java.time.Instant;
import java.util.List;

/**
 * One channel (a pipe stream or a connected socket) as this JVM saw it. Immutable.
 *
 * @param channelId the agent's id, unique within the JVM
 * @param kind pipe or socket
 * @param name the display name: {@code pipe to child 4242 'java -cp demo-apps.jar … PoolWorker' (stdin)},
 *     {@code pipe from parent 4200 (stdout)}, {@code socket 127.0.0.1:9000} (the server end's address)
 * @param side pipes: {@code parent} or {@code child}; sockets: {@code client} or {@code server}
 * @param stream pipes: the child's {@code stdin}, {@code stdout} or {@code stderr}; sockets: null
 * @param peerPid pipes: the other process's pid; sockets: -1
 * @param peerCommand pipes: the other process's command line, or null
 * @param localAddress sockets: {@code host:port} of this end; pipes: null
 * @param remoteAddress sockets: {@code host:port} of the other end; pipes: null
 * @param pipeInode pipes: the pipe's inode, or -1
 * @param connectSeconds sockets: the connect or accept call; 0 otherwise
 * @param threads each thread's I/O on it, most bytes first
 * @param readSite the application frame of the slow reads (weighted by duration), or null
 * @param writeSite the application frame of the slow writes (weighted by duration), or null
 * @param openedAt when the channel became known on this JVM's clock (for sockets: connect or
 *     accept return), or null when unknown. Beyond the contract's components: the clock offsets
 *     of socket peers are estimated from it.
 */
public record ChannelModel(long channelId, ChannelKind kind, String name, String side, String stream,
                           long peerPid, String peerCommand, String localAddress, String remoteAddress,
                           long pipeInode, double connectSeconds, List<ChannelThreadIo> threads, String readSite,
                           String writeSite, Instant openedAt) {

    public ChannelModel {
        threads = List.copyOf(threads);
    }

    /** A channel whose opening time is unknown: the contract's components. */
    public ChannelModel(long channelId, ChannelKind kind, String name, String side, String stream, long peerPid,
                        String peerCommand, String localAddress, String remoteAddress, long pipeInode,
                        double connectSeconds, List<ChannelThreadIo> threads, String readSite, String writeSite) {
        this(channelId, kind, name, side, stream, peerPid, peerCommand, localAddress, remoteAddress, pipeInode,
                connectSeconds, threads, readSite, writeSite, null);
    }

    /** @return bytes read by all threads */
    public long bytesRead() {
        return threads.stream().mapToLong(ChannelThreadIo::bytesRead).sum();
    }

    /** @return bytes written by all threads */
    public long bytesWritten() {
        return threads.stream().mapToLong(ChannelThreadIo::bytesWritten).sum();
    }

    /** @return read calls of all threads */
    public long reads() {
        return threads.stream().mapToLong(ChannelThreadIo::reads).sum();
    }

    /** @return write calls of all threads: the messages this end sent */
    public long writes() {
        return threads.stream().mapToLong(ChannelThreadIo::writes).sum();
    }

    /** @return time inside read calls, all threads */
    public double readSeconds() {
        return threads.stream().mapToDouble(ChannelThreadIo::readSeconds).sum();
    }

    /** @return time inside write calls, all threads */
    public double writeSeconds() {
        return threads.stream().mapToDouble(ChannelThreadIo::writeSeconds).sum();
    }

    /** @return read plus write seconds, all threads */
    public double blockedSeconds() {
        return readSeconds() + writeSeconds();
    }

    /** @return of the read time, reads waiting for the peer to send; null when no thread measured it */
    public Double idleReadSeconds() {
        Double sum = null;
        for (ChannelThreadIo t : threads) {
            if (t.idleReadSeconds() != null) {
                sum = (sum == null ? 0 : sum) + t.idleReadSeconds();
            }
        }
        return sum;
    }
}
