package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A channel (a pipe to or from another process, or a connected socket) became known to the
 * agent. For sockets the duration is the connect or accept call, else 0; the stack trace is where
 * the channel appeared (spawn site, connect, accept, or the first read or write). Instances are
 * thread-confined.
 */
@Name("paragent.ChannelOpen")
@Label("Channel Open")
@Description("A pipe of a child or parent process, or a connected socket, that paragent follows")
@Category({"paragent", "IPC"})
@StackTrace(true)
public final class ChannelOpenEvent extends jdk.jfr.Event {

    @Label("Channel Id")
    @Description("Agent-assigned, unique in the JVM, never reused")
    public long channelId;

    @Label("Kind")
    @Description("pipe or socket")
    public String kind;

    @Label("Side")
    @Description("Pipes: parent or child; sockets: client or server")
    public String side;

    @Label("Stream")
    @Description("Pipes: the child's stream, stdin, stdout or stderr; sockets: null")
    public String stream;

    @Label("Peer Pid")
    @Description("Pipes: the other process's pid; sockets: -1")
    public long peerPid;

    @Label("Peer Command")
    @Description("Pipes: the other process's command line, at most 1,000 chars, or null")
    public String peerCommand;

    @Label("Local Address")
    @Description("Sockets: host:port of this end")
    public String localAddress;

    @Label("Remote Address")
    @Description("Sockets: host:port of the other end")
    public String remoteAddress;

    @Label("Pipe Inode")
    @Description("Pipes: the inode of pipe:[inode] in /proc/self/fd, else -1")
    public long pipeInode;
}
