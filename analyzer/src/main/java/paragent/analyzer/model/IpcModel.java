package paragent.analyzer.model;

import java.util.List;

/**
 * How one JVM talked to other processes: channels, serialization, mapped files. Immutable.
 *
 * @param channels pipes and sockets, most bytes first
 * @param serialization per direction, class and channel, most time first
 * @param mappedFiles files mapped into memory, in mapping order
 */
public record IpcModel(List<ChannelModel> channels, List<SerializationModel> serialization,
                       List<MappedFileModel> mappedFiles) {

    public IpcModel {
        channels = List.copyOf(channels);
        serialization = List.copyOf(serialization);
        mappedFiles = List.copyOf(mappedFiles);
    }

    /** No IPC recorded. */
    public static IpcModel empty() {
        return new IpcModel(List.of(), List.of(), List.of());
    }

    /** @return true when nothing was recorded */
    public boolean isEmpty() {
        return channels.isEmpty() && serialization.isEmpty() && mappedFiles.isEmpty();
    }
}
