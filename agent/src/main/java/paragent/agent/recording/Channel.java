package paragent.agent.recording;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One followed channel: its endpoint, held weakly (a pipe's {@code FileDescriptor}, a
 * {@code SocketImpl} or a {@code SocketChannel}; holding it strongly would keep the JDK's cleaner
 * from closing a stream the program dropped), its id and its per-thread lanes.
 *
 * <p>Concurrency: lanes are created on a thread's first I/O on the channel (a
 * {@link ConcurrentHashMap} insert) and read by the flush thread. Memory is bounded: at most
 * {@link #MAX_LANES} lanes; further threads share one overflow lane, reported with thread id -1.
 */
final class Channel extends java.lang.ref.WeakReference<Object> {

    /** Threads followed one by one per channel. */
    static final int MAX_LANES = 256;

    final long id;
    /** Whether reads' idle time is measured (pipes, when {@code available0} can be called). */
    final boolean idleMeasured;
    private final Map<Long, ChannelLane> lanes = new ConcurrentHashMap<>();
    private final ChannelLane overflow = new ChannelLane(null);

    Channel(Object endpoint, long id, boolean idleMeasured) {
        super(endpoint);
        this.id = id;
        this.idleMeasured = idleMeasured;
    }

    /** The lane of {@code thread}, created on first use. */
    ChannelLane laneFor(Thread thread) {
        Long key = thread.getId();
        ChannelLane lane = lanes.get(key);
        if (lane != null) {
            return lane;
        }
        if (lanes.size() >= MAX_LANES) {
            return overflow;
        }
        return lanes.computeIfAbsent(key, k -> new ChannelLane(thread));
    }

    /** Commits every lane's deltas; drops lanes of ended threads once they are written. */
    void emit() {
        Iterator<ChannelLane> all = lanes.values().iterator();
        while (all.hasNext()) {
            ChannelLane lane = all.next();
            boolean ended = lane.threadEnded();
            lane.emit(id, idleMeasured);
            if (ended) {
                all.remove();
            }
        }
        overflow.emit(id, idleMeasured);
    }
}
