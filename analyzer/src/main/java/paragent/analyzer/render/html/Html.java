package paragent.analyzer.render.html;

import java.util.Locale;
import paragent.analyzer.diagnosis.Texts;

/** HTML escaping and the report's table cells. Stateless; thread-safe. */
final class Html {

    private Html() {
    }

    /** @return the text safe inside element content and quoted attribute values; null becomes "" */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a right-aligned cell of seconds with two decimals */
    static String secondsCell(double seconds) {
        return String.format(Locale.ROOT, "<td class=\"num\">%.2f s</td>", seconds);
    }

    /** @return a right-aligned cell of seconds, or {@code n/a} for null: an unknown is never shown as 0 */
    static String secondsCell(Double seconds) {
        return seconds == null ? "<td class=\"num na\">n/a</td>" : secondsCell(seconds.doubleValue());
    }

    /** @return a right-aligned cell of a duration with a fitting unit */
    static String durationCell(long nanos) {
        return "<td class=\"num\">" + escape(Texts.duration(nanos)) + "</td>";
    }

    /** @return a right-aligned cell of a count with thousands separators */
    static String countCell(long count) {
        return String.format(Locale.ROOT, "<td class=\"num\">%,d</td>", count);
    }

    /** @return a cell of recorded code (a frame, a class, a command), escaped; an empty cell for null */
    static String codeCell(String code) {
        return code == null ? "<td></td>" : "<td><code>" + escape(code) + "</code></td>";
    }
}
