package paragent.analyzer.model;

/**
 * A file mapped into memory ({@code FileChannel.map}), e.g. memory shared with other processes.
 * Immutable.
 *
 * @param path the file's path
 * @param mode {@code READ_ONLY}, {@code READ_WRITE} or {@code PRIVATE}
 * @param position offset of the mapping in the file
 * @param size bytes mapped
 * @param site the application frame that mapped it, or null
 */
public record MappedFileModel(String path, String mode, long position, long size, String site) {
}
