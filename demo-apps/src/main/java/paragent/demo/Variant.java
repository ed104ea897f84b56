package paragent.demo;

import java.util.Locale;

/**
 * Which version of a demo runs: the one with the planted bottleneck, or the one with it removed.
 *
 * <p>Both variants of a demo do the same total work and compute the same result; only the way the
 * threads coordinate differs. Immutable, so safe to share between threads.
 */
public enum Variant {
    /** The planted bottleneck: the diagnosis must report the demo's expected finding. */
    BOTTLENECK,
    /** The bottleneck removed: the diagnosis must not report the expected finding above a small share. */
    FIXED;

    /** The spelling used on the command line and in output: {@code bottleneck} or {@code fixed}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the command-line spelling.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is neither
     */
    public static Variant parse(String text) {
        for (Variant v : values()) {
            if (v.cliName().equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("--variant must be bottleneck or fixed, not '" + text + "'");
    }
}
