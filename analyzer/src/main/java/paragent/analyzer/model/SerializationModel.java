package paragent.analyzer.model;

import java.util.Map;

/**
 * Top-level serialization calls of one direction and class: the sums of
 * {@code paragent.SerializationSummary}. Immutable.
 *
 * @param direction {@code write} (serialize) or {@code read} (deserialize)
 * @param className class of the top-level object, or null when the read failed
 * @param objects top-level calls
 * @param seconds time inside them
 * @param channelSeconds of {@code seconds}, time inside channel reads/writes during the calls
 * @param channelBytes bytes moved on channels during the calls
 * @param channelId the channel most of those bytes went to, or 0
 * @param site first application frame of a sampled call, or null
 * @param cpuSecondsByThread per thread ({@code javaId}): {@code seconds - channelSeconds}
 */
public record SerializationModel(String direction, String className, long objects, double seconds,
                                 double channelSeconds, long channelBytes, long channelId, String site,
                                 Map<Long, Double> cpuSecondsByThread) {

    public SerializationModel {
        cpuSecondsByThread = Map.copyOf(cpuSecondsByThread);
    }
}
