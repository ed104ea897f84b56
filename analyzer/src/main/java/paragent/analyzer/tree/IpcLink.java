package paragent.analyzer.tree;

import paragent.analyzer.model.ChannelKind;

/**
 * Both ends of one channel, matched: pipes by (parent pid, child pid, stream), sockets by swapped
 * local and remote addresses. {@code from} is the parent (pipes) or the client (sockets). Byte and
 * message counts are the sending end's where it was recorded, else the receiving end's. Immutable.
 *
 * @param name the channel's display name (the parent's or client's end's, where recorded)
 * @param kind pipe or socket
 * @param fromPid the parent or client
 * @param toPid the child or server
 * @param bytesFromTo bytes sent from {@code from} to {@code to}
 * @param bytesToFrom bytes sent back
 * @param messagesFromTo write calls of {@code from} (read calls of {@code to} when only that end was recorded)
 * @param messagesToFrom write calls of {@code to} (read calls of {@code from} when only that end was recorded)
 * @param fromBlockedSeconds time inside reads and writes at the {@code from} end, all its threads
 * @param toBlockedSeconds the same at the {@code to} end
 * @param serializationSeconds serialization work for this channel at both ends
 * @param sendSite the frame that writes from {@code from} to {@code to}, or null
 * @param receiveSite the frame that reads it at {@code to}, or null
 * @param matched false when only one end was recorded
 */
public record IpcLink(String name, ChannelKind kind, long fromPid, long toPid, long bytesFromTo, long bytesToFrom,
                      long messagesFromTo, long messagesToFrom, double fromBlockedSeconds, double toBlockedSeconds,
                      double serializationSeconds, String sendSite, String receiveSite, boolean matched) {
}
