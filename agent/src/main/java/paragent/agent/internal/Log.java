package paragent.agent.internal;

/**
 * The agent's only voice: one line on stderr per event, prefixed {@code paragent:}. The
 * application's own output is never touched. Thread-safe (one {@code println} per message).
 */
public final class Log {

    private Log() {
    }

    /** A line the user should read: an error, a fallback taken, where the report is. */
    public static void line(String message) {
        System.err.println("paragent: " + message);
    }

    /** A line that already carries its own {@code paragent:} prefix. */
    public static void lineRaw(String line) {
        System.err.println(line);
    }

    /** An unexpected failure inside the agent: one line, with the cause, and the program runs on. */
    public static void failure(String what, Throwable cause) {
        String detail = cause.getMessage() != null ? cause.getMessage() : "";
        line(what + ": " + cause.getClass().getSimpleName() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + "; the program continues without it");
    }
}
