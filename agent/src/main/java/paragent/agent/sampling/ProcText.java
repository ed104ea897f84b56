package paragent.agent.sampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One small {@code /proc} text file read into a reusable buffer, with its whitespace-separated
 * decimal fields parsed in place, so that reading a file that is already open allocates nothing.
 * Files longer than {@link #CAPACITY} are cut (the files read here are under 400 bytes).
 *
 * <p>Not thread-safe: each reading thread owns its own instance.
 */
final class ProcText {

    static final int CAPACITY = 1024;

    private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY);
    private int length;

    /**
     * Reads the file from offset 0 with a positional read, so the same channel can be read again
     * for fresh values ({@code /proc} regenerates the text on every read from offset 0). One read
     * call: the files read here are produced whole by the kernel, so a read that does not fill
     * the buffer has read everything.
     *
     * @return whether the file had any content
     */
    boolean read(FileChannel channel) throws IOException {
        buffer.clear();
        length = Math.max(channel.read(buffer, 0), 0);
        return length > 0;
    }

    /** Opens, reads and closes {@code file}. */
    boolean read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return read(channel);
        }
    }

    /** The position just after the last {@code ch} in the text, or -1. */
    int after(char ch) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer.get(i) == ch) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The {@code index}-th (from 0) whitespace-separated field at or after {@code from}, as a
     * non-negative decimal, or -1 when there is no such field or it is not a number.
     */
    long field(int from, int index) {
        int i = Math.max(from, 0);
        for (int skipped = 0; ; skipped++) {
            while (i < length && isSpace(buffer.get(i))) {
                i++;
            }
            if (i >= length) {
                return -1;
            }
            if (skipped == index) {
                return decimalAt(i);
            }
            while (i < length && !isSpace(buffer.get(i))) {
                i++;
            }
        }
    }

    private long decimalAt(int start) {
        long value = 0;
        int i = start;
        for (; i < length && !isSpace(buffer.get(i)); i++) {
            int digit = buffer.get(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t';
    }
}
