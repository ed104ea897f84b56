package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flame option end to end: async-profiler loads from paragent.jar, samples a CPU-busy and
 * lock-contended program in each mode, and leaves no file behind; when it cannot load, FlameInfo
 * says so and the program is unaffected; with {@code flame=off} there are no flame events.
 */
class FlameIT {

    private static final String APP = "paragent.testapps.FlameApp";
    private static final String HOT_METHOD = "paragent.testapps.FlameApp.hotLoop";
    private static final String LOCKED_METHOD = "paragent.testapps.FlameApp.work";

    @TempDir
    Path dir;

    @Test
    void everyModeRecordsTheProgramsStacksAndTheTemporaryFilesAreGone() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ForkedJvm.Result result = run("flame=cpu+wall+lock", tmp);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).as("quiet: nothing on stderr").isEmpty();
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording());
        RecordedEvent info = single(events, "paragent.FlameInfo");
        assertThat(info.getString("engine")).isEqualTo("async-profiler 4.6");
        assertThat(info.getString("modes")).isEqualTo("cpu+wall+lock");
        assertThat(info.getString("cpuEvent")).isIn("cpu", "ctimer", "itimer");
        assertThat(info.getLong("lockThresholdNanos")).isEqualTo(10_000);
        Map<String, List<String>> framesByMode = events.stream()
                .filter(e -> e.getEventType().getName().equals("paragent.FlameStack"))
                .filter(e -> e.getString("thread").startsWith("flame-worker-"))
                .collect(Collectors.groupingBy(e -> e.getString("mode"),
                        Collectors.mapping(e -> e.getString("frames"), Collectors.toList())));
        assertThat(framesByMode.get("cpu")).anyMatch(frames -> frames.contains(HOT_METHOD));
        assertThat(framesByMode.get("wall")).anyMatch(frames -> frames.contains(HOT_METHOD));
        assertThat(framesByMode.get("lock")).anyMatch(frames -> frames.endsWith(LOCKED_METHOD));
        try (var left = Files.list(tmp)) {
            assertThat(left).as("async-profiler's private directory is deleted").isEmpty();
        }
    }

    @Test
    void whenAsyncProfilerCannotLoadFlameInfoSaysSoAndTheProgramRunsOn() throws Exception {
        Path unusable = Files.writeString(dir.resolve("not-a-directory"), "");
        ForkedJvm.Result result = run("flame=cpu+wall", unusable);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(expectedOutput());
        assertThat(result.stderr()).contains("paragent: could not load async-profiler for the flame graphs");
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording());
        RecordedEvent info = single(events, "paragent.FlameInfo");
        assertThat(info.getString("engine")).isEqualTo("jfr");
        assertThat(info.getString("note")).startsWith("async-profiler could not load (")
                .endsWith("); CPU flame graph from JFR execution samples");
        assertThat(events).noneMatch(e -> e.getEventType().getName().equals("paragent.FlameStack"));
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.ExecutionSample"));
    }

    @Test
    void flameOffRecordsNoFlameEvents() throws Exception {
        ForkedJvm.Result result = run("flame=off", dir);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(RecordingFile.readAllEvents(recording()))
                .noneMatch(e -> e.getEventType().getName().startsWith("paragent.Flame"));
    }

    private ForkedJvm.Result run(String flame, Path flameTmpDir) throws Exception {
        List<String> command = ForkedJvm.command("out=" + dir + ",jfr,quiet," + flame,
                ForkedJvm.TEST_CLASSES.toString(), APP);
        command.add(1, "-Dparagent.flame.tmpdir=" + flameTmpDir);
        return ForkedJvm.run(command, dir);
    }

    private static String expectedOutput() throws Exception {
        return ForkedJvm.run(ForkedJvm.command(null, ForkedJvm.TEST_CLASSES.toString(), APP),
                Path.of("target")).stdout();
    }

    private Path recording() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
    }

    private static RecordedEvent single(List<RecordedEvent> events, String name) {
        List<RecordedEvent> matching = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertThat(matching).as(name).hasSize(1);
        return matching.get(0);
    }
}
