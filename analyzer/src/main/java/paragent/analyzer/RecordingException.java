package paragent.analyzer;

/**
 * A recording that cannot be analyzed. The message is one line meant for the user: what is wrong
 * with the file and what to do about it; it never carries a stack trace of its own.
 */
public final class RecordingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param userMessage one line saying what is wrong and what to do */
    public RecordingException(String userMessage) {
        super(userMessage);
    }

    /** @param userMessage one line saying what is wrong and what to do; cause kept for debugging */
    public RecordingException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
