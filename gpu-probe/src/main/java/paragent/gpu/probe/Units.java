package paragent.gpu.probe;

import java.util.Locale;

/** Numbers with units for people: bytes, seconds, rates. Stateless; thread-safe. */
final class Units {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P"};

    private Units() {
    }

    /** @return {@code 4 KiB}, {@code 1.5 MiB}: binary units, a whole number when exact */
    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value)) + " " + BINARY[unit];
    }

    /** @return {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.20 s}: three significant digits */
    static String seconds(double seconds) {
        if (seconds < 1e-6) {
            return String.format(Locale.ROOT, "%.0f ns", seconds * 1e9);
        }
        if (seconds < 1e-3) {
            return threeDigits(seconds * 1e6) + " µs";
        }
        if (seconds < 1) {
            return threeDigits(seconds * 1e3) + " ms";
        }
        return threeDigits(seconds) + " s";
    }

    /** @return a rate with a decimal prefix, e.g. {@code 7.12 GB/s} for ({@code 7.12e9}, {@code "B/s"}) */
    static String rate(double perSecond, String unit) {
        double value = perSecond;
        int prefix = 0;
        while (value >= 1000 && prefix < DECIMAL.length - 1) {
            value /= 1000;
            prefix++;
        }
        return threeDigits(value) + " " + DECIMAL[prefix] + unit;
    }

    /** @return a count with thousands separators */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String threeDigits(double value) {
        String format = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }
}
