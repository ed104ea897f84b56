package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK Mission Control shows an event type by its metadata: the label names it, the description
 * explains it, the category places it in the event browser's tree, and a field's content type
 * (timespan, data amount, timestamp, percentage) decides how its number is shown. This reads the
 * metadata of a recording the agent made and holds every {@code paragent.*} type to that, whichever
 * types there are: an event added later is checked without changing this test.
 */
class JmcMetadataIT {

    /** Fields JFR adds to every event; it labels them itself. */
    private static final Set<String> IMPLICIT_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");

    /**
     * Name endings that say a number is a time, a duration or an amount of bytes ({@code size} alone
     * is bytes; {@code globalSize} counts work items).
     */
    private static final List<String> UNIT_ENDINGS = List.of("nanos", "micros", "millis", "seconds", "time", "start",
            "end", "duration", "bytes");

    private static final Set<String> NUMBERS = Set.of("long", "int", "short", "byte", "double", "float");

    @TempDir
    Path dir;

    @Test
    void everyParagentEventTypeHasLabelDescriptionParagentCategoryAndUnits() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + out + ",jfr",
                ForkedJvm.TEST_CLASSES.toString(), "paragent.testapps.PipesApp"), out);
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        List<EventType> types;
        try (RecordingFile recording = new RecordingFile(ExitReportIT.recording(out))) {
            types = recording.readEventTypes().stream().filter(t -> t.getName().startsWith("paragent.")).toList();
        }

        assertThat(types).extracting(EventType::getName).as("the events a run with a child process registers")
                .contains("paragent.RunInfo", "paragent.ThreadTimes", "paragent.ProcessSpawn", "paragent.ChannelOpen",
                        "paragent.ChannelSummary");
        List<String> problems = new ArrayList<>();
        types.forEach(type -> problems.addAll(problems(type)));
        assertThat(problems).as("what JMC would show badly").isEmpty();
    }

    private static List<String> problems(EventType type) {
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
