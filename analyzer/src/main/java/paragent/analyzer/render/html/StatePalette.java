package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.List;
import paragent.analyzer.model.ThreadState;

/**
 * How the report draws each {@link ThreadState}: its color (a CSS class named by
 * {@link ThreadState#jsonName()}), its label, and its one-character code in the timeline's compact
 * lanes. Stateless; thread-safe.
 */
final class StatePalette {

    /** One character per state, in ordinal order: the alphabet of the timeline's lane strings. */
    static final String CODES = "RCBLIPWSOGX.";

    private static final String[] COLORS = {"#4caf50", "#cddc39", "#e53935", "#f4511e", "#ffe0b2", "#fb8c00",
            "#8e24aa", "#1e88e5", "#00acc1", "#6d4c41", "#bdbdbd", "#f4f4f4"};
    private static final String[] LABELS = {"running", "waiting for CPU", "blocked", "parked on a lock",
            "parked idle (pool)", "parked (other)", "waiting", "sleeping", "I/O", "GC", "other", "not alive"};

    private StatePalette() {
    }

    /** @return the state's timeline code */
    static char code(ThreadState state) {
        return CODES.charAt(state.ordinal());
    }

    /** @return the state's color, {@code #rrggbb} */
    static String color(ThreadState state) {
        return COLORS[state.ordinal()];
    }

    /** @return the state's label for people */
    static String label(ThreadState state) {
        return LABELS[state.ordinal()];
    }

    /** @return every state's colors, comma-separated in ordinal order, for the timeline's script */
    static String colors() {
        return String.join(",", COLORS);
    }

    /** @return every state's labels, {@code |}-separated in ordinal order, for the timeline's script */
    static String labels() {
        return String.join("|", LABELS);
    }

    /** @return one CSS rule per state: {@code .running { background: #4caf50; }} */
    static String css() {
        StringBuilder css = new StringBuilder();
        for (ThreadState s : ThreadState.values()) {
            css.append('.').append(s.jsonName()).append(" { background: ").append(COLORS[s.ordinal()]).append("; }\n");
        }
        return css.toString();
    }

    /** @return a legend of the given states' colors and labels */
    static String legend(List<ThreadState> states) {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (ThreadState s : states) {
            html.append("<span class=\"").append(s.jsonName()).append("\"></span>").append(escape(label(s)));
        }
        return html.append("</p>").toString();
    }
}
