package paragent.agent.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;

/**
 * What JDK Mission Control needs of a paragent event type to show it well: the label names it, the
 * description explains it, the category places it under {@code paragent} in the event browser's
 * tree, every field has a label, and a number whose name says it is a time, a duration or bytes
 * carries a content type ({@code @Timespan}, {@code @DataAmount}, {@code @Timestamp},
 * {@code @Percentage} ...) that decides how JMC prints it. Stateless.
 */
public final class EventMetadata {

    /** Fields JFR adds to every event; it labels them itself. */
    private static final Set<String> IMPLICIT_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");

    /**
     * Name endings that say a number is a time, a duration or an amount of bytes; {@code size} alone
     * also is bytes, while {@code globalSize} counts work items.
     */
    private static final List<String> UNIT_ENDINGS = List.of("nanos", "micros", "millis", "seconds", "time", "start",
            "end", "duration", "bytes");

    private static final Set<String> NUMBERS = Set.of("long", "int", "short", "byte", "double", "float");

    private EventMetadata() {
    }

    /** @return one sentence per thing JMC would show badly; empty when the type is fine */
    public static List<String> problems(EventType type) {
        List<String> problems = new ArrayList<>();
        String name = type.getName();
        if (blank(type.getLabel())) {
            problems.add(name + " has no label");
        }
        if (blank(type.getDescription())) {
            problems.add(name + " has no description");
        }
        if (type.getCategoryNames().isEmpty() || !type.getCategoryNames().get(0).equals("paragent")) {
            problems.add(name + " is in category " + type.getCategoryNames() + ", not under paragent");
        }
        for (ValueDescriptor field : type.getFields()) {
            if (IMPLICIT_FIELDS.contains(field.getName())) {
                continue;
            }
            if (blank(field.getLabel())) {
                problems.add(name + "." + field.getName() + " has no label");
            }
            if (needsUnit(field) && field.getContentType() == null) {
                problems.add(name + "." + field.getName()
                        + " has no content type (@Timespan, @DataAmount, @Timestamp, @Percentage ...)");
            }
        }
        return problems;
    }

    private static boolean needsUnit(ValueDescriptor field) {
        String lower = field.getName().toLowerCase(Locale.ROOT);
        return NUMBERS.contains(field.getTypeName())
                && (UNIT_ENDINGS.stream().anyMatch(lower::endsWith) || lower.startsWith("bytes") || lower.equals("size"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
