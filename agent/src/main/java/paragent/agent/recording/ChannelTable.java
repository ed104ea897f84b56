package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The channels followed, found by the identity of their endpoint object (a pipe's
 * {@code FileDescriptor}, a {@code SocketImpl} or a {@code SocketChannel}): an open-addressing
 * table of {@value #SLOTS} slots where a key is looked for in the {@value #PROBES} slots after its
 * identity hash, so a lookup reads at most {@value #PROBES} array elements and allocates nothing.
 *
 * <p>Concurrency: {@link #find} is lock-free and called by application threads inside their I/O;
 * changes are serialized on the table's own monitor (never one the application can see). Memory
 * is bounded: at most {@link #MAX_CHANNELS} live channels; {@link #add} refuses more.
 */
final class ChannelTable {

    /** Live channels at most; a further channel is not followed. */
    static final int MAX_CHANNELS = 1_024;
    private static final int SLOTS = 2_048;
    private static final int PROBES = 16;

    private final AtomicReferenceArray<Channel> slots = new AtomicReferenceArray<>(SLOTS);
    private int size;

    /** The channel whose endpoint is {@code key}, or null. */
    Channel find(Object key) {
        int start = System.identityHashCode(key);
        for (int i = 0; i < PROBES; i++) {
            Channel channel = slots.get((start + i) & (SLOTS - 1));
            if (channel != null && channel.get() == key) {
                return channel;
            }
        }
        return null;
    }

    /** Adds {@code channel} unless its endpoint is already there; returns the channel now in the table, or null when full. */
    synchronized Channel add(Channel channel) {
        Object key = channel.get();
        Channel present = key != null ? find(key) : null;
        if (present != null || key == null) {
            return present;
        }
        if (size >= MAX_CHANNELS) {
            return null;
        }
        int start = System.identityHashCode(key);
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (slots.get(slot) == null) {
                slots.set(slot, channel);
                size++;
                return channel;
            }
        }
        return null;
    }

    /** Removes {@code channel}. */
    synchronized void remove(Channel channel) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slots.get(slot) == channel) {
                slots.set(slot, null);
                size--;
                return;
            }
        }
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** Calls {@code action} for every channel in the table at the time of the call. */
    void forEach(Consumer<Channel> action) {
        for (int slot = 0; slot < SLOTS; slot++) {
            Channel channel = slots.get(slot);
            if (channel != null) {
                action.accept(channel);
            }
        }
    }
}
