package paragent.analyzer.model;

import java.util.List;
import java.util.Objects;

/**
 * One channel (a pipe stream or a connected socket) as this JVM saw it, with every thread's I/O on
 * it. Immutable.
 *
 * @param channelId agent-assigned id, unique within the JVM
 * @param kind pipe or socket
 * @param name display name: {@code pipe to child 4242 'java … PoolWorker' (stdin)}, {@code socket 127.0.0.1:9000}
 * @param side pipes: {@code parent} or {@code child}; sockets: {@code client} or {@code server}
 * @param stream pipes: the child's stream ({@code stdin}, {@code stdout}, {@code stderr}); sockets: null
 * @param peerPid pipes: the other process's pid; sockets: -1
 * @param peerCommand pipes: the other process's command line, or null
 * @param localAddress sockets: {@code host:port} of this end; pipes: null
 * @param remoteAddress sockets: {@code host:port} of the other end; pipes: null
 * @param pipeInode pipes: the pipe's inode, or -1 when unknown
 * @param connectSeconds sockets: time in the connect or accept call; otherwise 0
 * @param threads each thread's I/O on the channel
 * @param readSite first application frame of the slow reads, weighted by duration, or null
 * @param writeSite first application frame of the slow writes, weighted by duration, or null
 */
public record ChannelModel(long channelId, ChannelKind kind, String name, String side, String stream,
                           long peerPid, String peerCommand, String localAddress, String remoteAddress, long pipeInode,
                           double connectSeconds, List<ChannelThreadIo> threads, String readSite, String writeSite) {

    public ChannelModel {
        threads = List.copyOf(threads);
    }

    /** @return bytes read by all threads */
    public long bytesRead() {
        return threads.stream().mapToLong(ChannelThreadIo::bytesRead).sum();
    }

    /** @return bytes written by all threads */
    public long bytesWritten() {
        return threads.stream().mapToLong(ChannelThreadIo::bytesWritten).sum();
    }

    /** @return read calls by all threads */
    public long reads() {
        return threads.stream().mapToLong(ChannelThreadIo::reads).sum();
    }

    /** @return write calls by all threads */
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

    /** @return read + write seconds */
    public double blockedSeconds() {
        return readSeconds() + writeSeconds();
    }

    /** @return idle read time of the threads that measured it; null when none did */
    public Double idleReadSeconds() {
        List<Double> measured = threads.stream().map(ChannelThreadIo::idleReadSeconds).filter(Objects::nonNull)
                .toList();
        return measured.isEmpty() ? null : measured.stream().mapToDouble(Double::doubleValue).sum();
    }
}
