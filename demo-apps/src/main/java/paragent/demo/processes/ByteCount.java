package paragent.demo.processes;

import java.util.zip.Checksum;

/**
 * A {@link Checksum} that only counts the bytes it sees: plugged into a
 * {@link java.util.zip.CheckedInputStream} or {@link java.util.zip.CheckedOutputStream}, it counts
 * the bytes read from or written to the stream below.
 *
 * <p>Those JDK streams call {@code update} after the read or write below has returned, so this
 * class is never on the stack while the pipe is read or written: a profiler attributes the pipe
 * I/O to the demo's own code, not to the counting. Not thread-safe: one stream, one thread.
 */
final class ByteCount implements Checksum {

    private long bytes;

    @Override
    public void update(int b) {
        bytes++;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        bytes += len;
    }

    /** The bytes counted so far. */
    @Override
    public long getValue() {
        return bytes;
    }

    @Override
    public void reset() {
        bytes = 0;
    }
}
