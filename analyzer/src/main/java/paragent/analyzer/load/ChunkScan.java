package paragent.analyzer.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the chunk headers of a JFR file say: how many chunks are complete, and what is wrong with
 * the rest. A JFR file is a sequence of chunks, each starting with a fixed header that gives the
 * chunk's size; walking the headers costs one small read per chunk. Immutable.
 *
 * <p>{@code jdk.jfr.consumer.EventStream} stops without an error at a chunk that is cut off, so
 * this scan is what tells a truncated file from a whole one.
 *
 * @param completeChunks chunks whose header and every byte are in the file
 * @param completeBytes the bytes those chunks take, from the start of the file
 * @param fileBytes the file's size
 * @param damage what is wrong after the complete chunks, one phrase; null when the file is whole
 */
record ChunkScan(int completeChunks, long completeBytes, long fileBytes, String damage) {

    /** Magic, major and minor version, then the chunk size: the part of a header the scan needs. */
    static final int HEADER_BYTES = 16;
    private static final int MAGIC = 0x464C5200; // "FLR\0"

    /**
     * @param file a file that starts with the JFR magic bytes
     * @return its chunks
     * @throws IOException when the file cannot be read
     */
    static ChunkScan of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            long offset = 0;
            int chunks = 0;
            while (offset < size) {
                String damage = damageAt(channel, header, offset, size, chunks + 1);
                if (damage != null) {
                    return new ChunkScan(chunks, offset, size, damage);
                }
                offset += header.getLong(8);
                chunks++;
            }
            return new ChunkScan(chunks, offset, size, null);
        }
    }

    /** Reads the header at {@code offset} into {@code header}; @return what is wrong with its chunk, or null */
    private static String damageAt(FileChannel channel, ByteBuffer header, long offset, long size, int chunk)
            throws IOException {
        header.clear();
        while (header.hasRemaining() && channel.read(header, offset + header.position()) >= 0) {
            // read until the header is full or the file ends
        }
        if (header.position() >= Integer.BYTES && header.getInt(0) != MAGIC) {
            return "chunk " + chunk + " at byte " + offset + " does not start with the JFR magic bytes";
        }
        if (header.hasRemaining()) {
            return "the file ends inside the header of chunk " + chunk;
        }
        long chunkBytes = header.getLong(8);
        if (chunkBytes < HEADER_BYTES) {
            return "chunk " + chunk + " was never finished (its header gives no size)";
        }
        if (offset + chunkBytes > size) {
            return "chunk " + chunk + " is cut off (" + (size - offset) + " of its " + chunkBytes + " bytes)";
        }
        return null;
    }
}
