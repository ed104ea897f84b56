package paragent.analyzer.model;

/** What carries a channel's bytes between two processes. */
public enum ChannelKind {
    /** One pipe stream of a child process (stdin, stdout or stderr). */
    PIPE,
    /** One connected socket, blocking or NIO. */
    SOCKET
}
