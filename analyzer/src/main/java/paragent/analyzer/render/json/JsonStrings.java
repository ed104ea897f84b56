package paragent.analyzer.render.json;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes a Java string as a JSON string literal: the one escaping shared by the JSON summary and
 * the JSON data blocks embedded in the HTML report. Stateless; thread-safe.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * Appends {@code text} as a quoted JSON string.
     *
     * @param scriptSafe also escape {@code <}, {@code >} and {@code &}, so that the literal can sit
     *                   inside an HTML {@code <script>} element without ending or commenting it
     */
    public static void append(Appendable out, String text, boolean scriptSafe) throws IOException {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || scriptSafe && (c == '<' || c == '>' || c == '&')) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
