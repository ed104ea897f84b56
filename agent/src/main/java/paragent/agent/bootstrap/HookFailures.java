package paragent.agent.bootstrap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a failure inside the code that advice calls into one line on stderr, once per area (the
 * same failure in a hot path would otherwise print a line per call, or nothing at all). The
 * application's thread goes on as if nothing happened. JDK-only, loaded in the boot loader;
 * thread-safe. At most one entry per area name, and the areas are the few hook classes.
 */
public final class HookFailures {

    private static final Map<String, Boolean> REPORTED = new ConcurrentHashMap<>();

    private HookFailures() {
    }

    /**
     * @param area what stopped working, e.g. {@code "lock wait recording"}
     * @param failure what was thrown
     */
    public static void report(String area, Throwable failure) {
        try {
            if (REPORTED.putIfAbsent(area, Boolean.TRUE) == null) {
                String detail = failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")";
                System.err.println("paragent: " + area + " failed: " + failure.getClass().getSimpleName() + detail
                        + "; the program continues, and further failures there are not reported");
            }
        } catch (Throwable ignored) {
            // Reporting must not fail the application's thread either.
        }
    }
}
