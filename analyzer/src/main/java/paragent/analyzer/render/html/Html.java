package paragent.analyzer.render.html;

import java.util.List;
import java.util.Locale;
import paragent.analyzer.diagnosis.Texts;

/**
 * HTML escaping, the report's table cells and the bound on a table's rows. A cell whose text is
 * formatted with a unit carries its raw value in {@code data-v}, so that the report's script sorts
 * it by number. Stateless; thread-safe.
 */
final class Html {

    /**
     * Rows of one recorded list in one table, at most (locks, executors, child processes, channels,
     * kernels ...): the rest are counted in a note, so the page stays bounded whatever the recording
     * holds; the JSON summary has them all.
     */
    static final int MAX_TABLE_ROWS = 200;

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

    /** @return a right-aligned cell of a duration with a fitting unit, its nanoseconds in {@code data-v} */
    static String durationCell(long nanos) {
        return "<td class=\"num\" data-v=\"" + nanos + "\">" + escape(Texts.duration(nanos)) + "</td>";
    }

    /** @return the first {@value #MAX_TABLE_ROWS} elements of {@code rows}, in order */
    static <T> List<T> firstRows(List<T> rows) {
        return rows.subList(0, Math.min(MAX_TABLE_ROWS, rows.size()));
    }

    /** @return a note that names how many {@code what} the table above leaves out, or "" for none */
    static String moreRows(int total, String what) {
        return total <= MAX_TABLE_ROWS ? "" : String.format(Locale.ROOT, "<p class=\"note\">%,d more %s are not "
                + "listed (at most %,d rows); the JSON summary has them all.</p>\n", total - MAX_TABLE_ROWS, what,
                MAX_TABLE_ROWS);
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
