package paragent.agent.flame;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a flame graph shows, as named in the {@code flame} option and in {@code paragent.FlameStack.mode}. */
public enum FlameMode {
    /** On-CPU samples, every 10 ms of CPU time per thread. */
    CPU,
    /** Wall-clock samples of every thread, running or not, every 20 ms. */
    WALL,
    /** Contended monitor enters and parks at least the {@code threshold} long, weighted by wait time. */
    LOCK;

    /** The name in options and events: {@code cpu}, {@code wall}, {@code lock}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code off} or modes joined by {@code +}, e.g. {@code cpu+wall+lock}.
     *
     * @return the modes, empty for {@code off}
     * @throws IllegalArgumentException naming the unknown mode
     */
    public static Set<FlameMode> parseAll(String text) {
        Set<FlameMode> modes = EnumSet.noneOf(FlameMode.class);
        if (text.equalsIgnoreCase("off")) {
            return modes;
        }
        for (String part : text.split("\\+", -1)) {
            try {
                modes.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option 'flame' has an unknown mode '" + part
                        + "' (use off, or cpu, wall, lock joined by '+', e.g. flame=cpu+wall+lock)");
            }
        }
        return modes;
    }

    /** The modes as the option writes them: {@code cpu+wall}, or {@code off} when empty. */
    public static String format(Set<FlameMode> modes) {
        return modes.isEmpty() ? "off" : modes.stream().map(FlameMode::label).collect(Collectors.joining("+"));
    }
}
