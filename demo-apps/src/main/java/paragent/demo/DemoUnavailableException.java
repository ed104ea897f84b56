package paragent.demo;

/**
 * Thrown by a demo that cannot run on this machine because something outside the JVM is missing,
 * such as an OpenCL driver. Its message is the whole line to show the user, saying what to
 * install; {@link DemoMain} prints it as is on stderr and exits {@link DemoMain#EXIT_UNAVAILABLE}.
 * Immutable.
 */
public final class DemoUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the one line for the user, saying what is missing and what to install
     * @param cause what failed when the demo looked for it
     */
    public DemoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
