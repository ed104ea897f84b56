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

    /** @return a right-aligned cell of a byte count, exact, with thousands separators */
    static String bytesCell(long bytes) {
        return String.format(Locale.ROOT, "<td class=\"num\">%,d</td>", bytes);
    }

    /** @return a byte count with a binary unit for people: {@code 850 B}, {@code 12.3 KiB}, {@code 4.5 MiB} */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /**
     * @return a command line short enough for a table cell: the program's file name, class-path
     *         values and agent options left out, the middle cut when still longer than {@code max};
     *         {@code ?} for null. Not escaped.
     */
    static String shortCommand(String command, int max) {
        if (command == null || command.isBlank()) {
            return "?";
        }
        String[] words = command.strip().split("\\s+");
        StringBuilder out = new StringBuilder(words[0].substring(words[0].lastIndexOf('/') + 1));
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("-javaagent:")) {
                continue;
            }
            out.append(' ').append(w);
            if ((w.equals("-cp") || w.equals("-classpath") || w.equals("--class-path")) && i + 1 < words.length) {
                out.append(" …");
                i++;
            }
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int half = (max - 1) / 2;
        return out.substring(0, half) + "…" + out.substring(out.length() - half);
    }

    /** @return a cell of recorded code (a frame, a class, a command), escaped; an empty cell for null */
    static String codeCell(String code) {
        return code == null ? "<td></td>" : "<td><code>" + escape(code) + "</code></td>";
    }
}
