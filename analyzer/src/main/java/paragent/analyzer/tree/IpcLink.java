package paragent.analyzer.tree;

import paragent.analyzer.model.ChannelKind;

/**
 * Both ends of one channel, matched: pipes by (parent pid, child pid, stream), sockets by swapped
 * addresses. For pipes {@code from} is the parent, for sockets the client. Immutable.
 *
 * @param name the channel's display name
 * @param kind pipe or socket
 * @param fromPid the parent's or client's pid
 * @param toPid the child's or server's pid
 * @param bytesFromTo bytes sent from {@code from} to {@code to}
 * @param bytesToFrom bytes sent back
 * @param messagesFromTo write calls on the {@code from} side
 * @param messagesToFrom write calls on the {@code to} side
 * @param fromBlockedSeconds time {@code from} spent inside reads and writes on the channel
 * @param toBlockedSeconds time {@code to} spent inside reads and writes on the channel
 * @param serializationSeconds serialization CPU time for objects sent on the channel, both ends
 * @param sendSite the sending frame, or null
 * @param receiveSite the receiving frame, or null
 * @param matched false when only one end was recorded
 */
public record IpcLink(String name, ChannelKind kind, long fromPid, long toPid,
                      long bytesFromTo, long bytesToFrom, long messagesFromTo, long messagesToFrom,
                      double fromBlockedSeconds, double toBlockedSeconds, double serializationSeconds,
                      String sendSite, String receiveSite, boolean matched) {
}
