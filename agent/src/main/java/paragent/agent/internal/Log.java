package paragent.agent.internal;

/**
 * The agent's only voice: one line on stderr per event, prefixed {@code paragent:}. The
 * application's own output is never touched. Thread-safe (one {@code println} per message). Never
 * throws: a line that cannot be built or written (the heap exhausted, stderr closed) is dropped,
 * so that reporting a failure cannot become one, in an agent thread or the application's.
 */
public final class Log {

    private Log() {
    }

    /** A line the user should read: an error, a fallback taken, where the report is. */
    public static void line(String message) {
        try {
            System.err.println("paragent: " + message);
        } catch (Throwable dropped) {
            // Nothing left to tell it with.
        }
    }

    /** A line that already carries its own {@code paragent:} prefix. */
    public static void lineRaw(String line) {
        try {
            System.err.println(line);
        } catch (Throwable dropped) {
            // As in line.
        }
    }

    /** An unexpected failure inside the agent: one line, with the cause, and the program runs on. */
    public static void failure(String what, Throwable cause) {
        try {
            String detail = cause.getMessage() != null ? cause.getMessage() : "";
            line(what + ": " + cause.getClass().getSimpleName() + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + "; the program continues without it");
        } catch (Throwable dropped) {
            // As in line.
        }
    }
}
