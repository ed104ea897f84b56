package paragent.analyzer.model;

/** What carries a channel between two processes. */
public enum ChannelKind {
    /** A pipe: a child process's stdin, stdout or stderr. */
    PIPE,
    /** A connected TCP socket (blocking {@code java.net.Socket} or NIO {@code SocketChannel}). */
    SOCKET
}
