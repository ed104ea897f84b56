package paragent.analyzer.diagnosis;

import java.util.Locale;

/** Number and frame formatting shared by rules and renderers. Stateless; thread-safe. */
public final class Texts {

    private Texts() {
    }

    /** @return e.g. {@code 62%}, or {@code 0.4%} below 1% */
    public static String percent(double fraction) {
        double p = fraction * 100;
        return p >= 1 || p == 0 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** @return a duration with a fitting unit: {@code 850 ns}, {@code 3.1 ms}, {@code 2.40 s} */
    public static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** @return seconds with two decimals */
    public static String decimal(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    /** @return a byte count with a fitting binary unit: {@code 512 B}, {@code 3.0 KiB}, {@code 1.2 MiB}, {@code 2.0 GiB} */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** @return {@code Class.method} from {@code pkg.Class.method(File.java:42)} */
    public static String shortFrame(String frame) {
        int paren = frame.indexOf('(');
        String qualified = paren >= 0 ? frame.substring(0, paren) : frame;
        int methodDot = qualified.lastIndexOf('.');
        if (methodDot <= 0) {
            return qualified;
        }
        int classDot = qualified.lastIndexOf('.', methodDot - 1);
        return qualified.substring(classDot + 1);
    }
}
