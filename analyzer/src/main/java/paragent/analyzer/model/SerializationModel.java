package paragent.analyzer.model;

import java.util.Map;

/**
 * Top-level serialization (or deserialization) of one class, on one channel, over the recording:
 * the sums of {@code paragent.SerializationSummary}. Immutable.
 *
 * @param direction {@code write} (serialize) or {@code read} (deserialize)
 * @param className the top-level object's class, or null when the reads failed
 * @param objects top-level calls
 * @param seconds time inside them
 * @param channelSeconds of {@code seconds}, time inside channel reads/writes made during the calls
 * @param channelBytes bytes moved on channels during the calls
 * @param channelId the channel most of the bytes went to, or 0
 * @param site the application frame of a sampled call, or null
 * @param cpuSecondsByThread per thread ({@code javaId}): {@code seconds − channelSeconds}, the
 *     serialization work itself
 */
public record SerializationModel(String direction, String className, long objects, double seconds,
                                 double channelSeconds, long channelBytes, long channelId, String site,
                                 Map<Long, Double> cpuSecondsByThread) {

    public SerializationModel {
        cpuSecondsByThread = Map.copyOf(cpuSecondsByThread);
    }

    /** @return the serialization work over all threads: {@code seconds − channelSeconds}, at least 0 */
    public double cpuSeconds() {
        return Math.max(0, seconds - channelSeconds);
    }
}
