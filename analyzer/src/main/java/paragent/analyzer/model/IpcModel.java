package paragent.analyzer.model;

import java.util.List;

/**
 * How one JVM talked to other processes: its channels, its serialization and its memory-mapped
 * files. Immutable.
 *
 * @param channels pipes and sockets
 * @param serialization top-level serialization per direction and class
 * @param mappedFiles files mapped into memory
 */
public record IpcModel(List<ChannelModel> channels, List<SerializationModel> serialization,
                       List<MappedFileModel> mappedFiles) {

    public IpcModel {
        channels = List.copyOf(channels);
        serialization = List.copyOf(serialization);
        mappedFiles = List.copyOf(mappedFiles);
    }

    /** No inter-process communication recorded. */
    public static IpcModel empty() {
        return new IpcModel(List.of(), List.of(), List.of());
    }
}
