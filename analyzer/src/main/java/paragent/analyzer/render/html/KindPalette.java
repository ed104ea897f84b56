package paragent.analyzer.render.html;

import java.util.EnumMap;
import java.util.Map;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ThreadState;

/**
 * How the scaling report colors each {@link FindingKind}: a cause that shows as a thread state in the
 * single-run report takes that state's color (lock contention the color of blocked, oversubscription
 * that of waiting for CPU, GC, I/O), GPU transfers the timeline's transfer color, the rest colors of
 * their own. The achieved speedup is drawn in the running color. Stateless; thread-safe.
 */
final class KindPalette {

    /** The color of the achieved speedup: useful work, as running threads are drawn. */
    static final String ACHIEVED = StatePalette.color(ThreadState.RUNNING);

    private static final Map<FindingKind, String> COLORS = colors();

    private KindPalette() {
    }

    /** @return the CSS class of a cause: {@code k-LOCK_CONTENTION}; {@code k-other} for an unknown name */
    static String cssClass(String cause) {
        return "k-" + (known(cause) ? cause : "other");
    }

    /** @return one CSS rule per kind, coloring both HTML boxes and SVG shapes */
    static String css() {
        StringBuilder css = new StringBuilder();
        for (Map.Entry<FindingKind, String> e : COLORS.entrySet()) {
            rule(css, "k-" + e.getKey().name(), e.getValue());
        }
        rule(css, "k-other", StatePalette.color(ThreadState.OTHER));
        rule(css, "k-achieved", ACHIEVED);
        return css.toString();
    }

    private static void rule(StringBuilder css, String cssClass, String color) {
        css.append('.').append(cssClass).append(" { background: ").append(color).append("; fill: ").append(color)
                .append("; }\n");
    }

    private static boolean known(String cause) {
        for (FindingKind k : FindingKind.values()) {
            if (k.name().equals(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Map<FindingKind, String> colors() {
        Map<FindingKind, String> colors = new EnumMap<>(FindingKind.class);
        colors.put(FindingKind.LOCK_CONTENTION, StatePalette.color(ThreadState.BLOCKED));
        colors.put(FindingKind.SERIAL_SECTION, StatePalette.color(ThreadState.WAITING));
        colors.put(FindingKind.LOAD_IMBALANCE, StatePalette.color(ThreadState.PARKED_IDLE));
        colors.put(FindingKind.OVERSUBSCRIPTION, StatePalette.color(ThreadState.WAITING_FOR_CPU));
        colors.put(FindingKind.TASK_OVERHEAD, "#ec407a");
        colors.put(FindingKind.CPU_TIME_INFLATION, "#1b5e20");
        colors.put(FindingKind.PROCESS_SPAWN, "#546e7a");
        colors.put(FindingKind.IPC, StatePalette.color(ThreadState.SLEEPING));
        colors.put(FindingKind.GC, StatePalette.color(ThreadState.GC));
        colors.put(FindingKind.IO, StatePalette.color(ThreadState.IO));
        colors.put(FindingKind.GPU_TRANSFER, "#fb8c00");
        return colors;
    }
}
