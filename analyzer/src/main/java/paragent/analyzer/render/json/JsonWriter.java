package paragent.analyzer.render.json;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans, null, with commas
 * placed automatically and strings escaped per RFC 8259. Not thread-safe; one writer per document.
 */
final class JsonWriter {

    /** Decimal places kept for seconds and shares. */
    static final int DECIMALS = 4;
    /** Significant digits kept for values below 0.001 (a task's run time in seconds). */
    static final int SIGNIFICANT_DIGITS = 4;

    private final Writer out;
    /** Per nesting level: whether the next value needs a comma before it. */
    private final boolean[] needsComma = new boolean[64];
    private int depth;
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        return open('{');
    }

    JsonWriter endObject() throws IOException {
        return close('}');
    }

    JsonWriter beginArray() throws IOException {
        return open('[');
    }

    JsonWriter endArray() throws IOException {
        return close(']');
    }

    JsonWriter name(String name) throws IOException {
        separate();
        string(name);
        out.write(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) throws IOException {
        separate();
        if (s == null) {
            out.write("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) throws IOException {
        separate();
        out.write(Long.toString(n));
        return this;
    }

    JsonWriter value(Long n) throws IOException {
        return n == null ? nullValue() : value(n.longValue());
    }

    JsonWriter value(boolean b) throws IOException {
        separate();
        out.write(Boolean.toString(b));
        return this;
    }

    /**
     * Writes a decimal rounded to {@link #DECIMALS} places, or below 0.001 to
     * {@link #SIGNIFICANT_DIGITS} significant digits; NaN and infinities become null.
     */
    JsonWriter value(Double d) throws IOException {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return nullValue();
        }
        separate();
        // Seconds to 0.1 ms, but small values (a task's run time in µs) keep 4 significant digits.
        BigDecimal exact = BigDecimal.valueOf(d);
        BigDecimal rounded = Math.abs(d) >= 1e-3
                ? exact.setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros()
                : exact.round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (rounded.signum() == 0) {
            out.write("0.0");
        } else {
            String plain = rounded.round(MathContext.UNLIMITED).toPlainString();
            out.write(plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        return this;
    }

    JsonWriter nullValue() throws IOException {
        separate();
        out.write("null");
        return this;
    }

    private JsonWriter open(char c) throws IOException {
        separate();
        out.write(c);
        needsComma[++depth] = false;
        return this;
    }

    private JsonWriter close(char c) throws IOException {
        depth--;
        out.write(c);
        return this;
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needsComma[depth]) {
            out.write(',');
        }
        needsComma[depth] = true;
    }

    private void string(String s) throws IOException {
        JsonStrings.append(out, s, false);
    }
}
