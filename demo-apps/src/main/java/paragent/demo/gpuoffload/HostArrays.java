package paragent.demo.gpuoffload;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One host thread's share of the problem in host memory: {@code blocks} consecutive blocks of
 * {@code elements} floats each of the vectors {@code x} and {@code y}, in direct buffers (JOCL
 * copies non-blocking transfers only from memory the garbage collector does not move), with a view
 * of each block for the per-block transfers.
 *
 * <p>Element {@code g} of the whole problem (its global index) starts at
 * {@code x = (g mod 4096) / 4096} and {@code y = (g mod 1000) / 1000}, the same whatever the
 * split. {@link #checksum} adds up the bit patterns of {@code y}, so the total over all shares is
 * exact and independent of the order of the shares. Not thread-safe: one thread (and its
 * queue) uses it.
 */
final class HostArrays {

    private final int blocks;
    private final int elements;
    private final ByteBuffer x;
    private final ByteBuffer y;

    private HostArrays(int blocks, int elements) {
        this.blocks = blocks;
        this.elements = elements;
        this.x = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(blocks, elements), Float.BYTES))
                .order(ByteOrder.nativeOrder());
        this.y = ByteBuffer.allocateDirect(x.capacity()).order(ByteOrder.nativeOrder());
    }

    /** The share from global block {@code firstBlock} on, initialized. */
    static HostArrays of(long firstBlock, int blocks, int elements) {
        HostArrays share = new HostArrays(blocks, elements);
        FloatBuffer xs = share.x.asFloatBuffer();
        FloatBuffer ys = share.y.asFloatBuffer();
        long first = firstBlock * elements;
        for (int i = 0; i < xs.capacity(); i++) {
            long g = first + i;
            xs.put(i, (g % 4096) / 4096f);
            ys.put(i, (g % 1000) / 1000f);
        }
        return share;
    }

    int blocks() {
        return blocks;
    }

    int elements() {
        return elements;
    }

    /** The whole of {@code x}. */
    ByteBuffer x() {
        return x;
    }

    /** The whole of {@code y}. */
    ByteBuffer y() {
        return y;
    }

    /** Block {@code block} of {@code x}: a view starting at its first byte. */
    ByteBuffer xBlock(int block) {
        return blockOf(x, block);
    }

    /** Block {@code block} of {@code y}: a view starting at its first byte. */
    ByteBuffer yBlock(int block) {
        return blockOf(y, block);
    }

    /** The sum of the bit patterns of {@code y}'s floats. */
    long checksum() {
        FloatBuffer ys = y.asFloatBuffer();
        long sum = 0;
        for (int i = 0; i < ys.capacity(); i++) {
            sum += Float.floatToRawIntBits(ys.get(i));
        }
        return sum;
    }

    private ByteBuffer blockOf(ByteBuffer whole, int block) {
        int bytes = elements * Float.BYTES;
        return whole.slice(block * bytes, bytes).order(ByteOrder.nativeOrder());
    }
}
