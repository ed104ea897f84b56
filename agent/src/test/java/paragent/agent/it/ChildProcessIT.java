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
 * Every child process started through {@code ProcessBuilder.start}, {@code startPipeline} and
 * {@code Runtime.exec} gives exactly one {@code paragent.ProcessSpawn} with its spawn site, and
 * one {@code paragent.ProcessExit} with its exit code and CPU, or {@code stillRunning} when it
 * outlives the program; the program's own output is unchanged.
 */
class ChildProcessIT {

    private static final String BUSY = "sh -c " + "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";
    private static final String MISSING = "/nonexistent/paragent-no-such-program";

    @TempDir
    Path dir;

    @Test
    void spawnsAndExitsOfEveryChildAreRecordedAndOutputIsUnchanged() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result without = ForkedJvm.run(ForkedJvm.command(null, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.ProcessesApp"), dir);
        ForkedJvm.Result with = ForkedJvm.run(ForkedJvm.command("out=" + out, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.ProcessesApp"), dir);
        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(with.stdout()).isEqualTo(without.stdout()).contains("exit3 exit=3", "pipeline=piped");

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        List<RecordedEvent> spawns = ofType(events, "paragent.ProcessSpawn");
        assertThat(spawns).extracting(e -> e.getString("command")).containsExactlyInAnyOrder(
                "true", "sh -c exit 3", BUSY, BUSY, "echo piped", "cat", MISSING, "sleep 3");
        for (RecordedEvent spawn : spawns) {
            assertThat(spawn.getStackTrace()).isNotNull();
            assertThat(Stacks.firstApplicationMethod(spawn)).as("spawn site of %s", spawn.getString("command"))
                    .startsWith("paragent.testapps.ProcessesApp.main");
        }
        RecordedEvent failed = only(spawns, MISSING);
        assertThat(failed.getLong("pid")).isEqualTo(-1);
        assertThat(failed.getString("error")).startsWith("java.io.IOException");

        List<RecordedEvent> exits = ofType(events, "paragent.ProcessExit");
        Map<Long, Long> exitsPerPid = exits.stream()
                .collect(Collectors.groupingBy(e -> e.getLong("pid"), Collectors.counting()));
        assertThat(exitsPerPid).as("one ProcessExit per started child").hasSize(7).allSatisfy((pid, n) -> {
            assertThat(n).isEqualTo(1);
            assertThat(spawns).anySatisfy(spawn -> assertThat(spawn.getLong("pid")).isEqualTo(pid));
        });
        assertThat(only(exits, "true").getInt("exitCode")).isZero();
        assertThat(only(exits, "sh -c exit 3").getInt("exitCode")).isEqualTo(3);
        assertThat(exits).filteredOn(e -> e.getString("command").equals(BUSY)).hasSize(2).allSatisfy(busy -> {
            assertThat(busy.getBoolean("stillRunning")).isFalse();
            assertThat(busy.getLong("cpuNanos")).isPositive();
            assertThat(busy.getLong("lifetimeNanos")).isGreaterThanOrEqualTo(busy.getLong("cpuNanos") / 2);
        });
        RecordedEvent sleeping = only(exits, "sleep 3");
        assertThat(sleeping.getBoolean("stillRunning")).isTrue();
        assertThat(exits).filteredOn(e -> e != sleeping).allSatisfy(e -> assertThat(e.getBoolean("stillRunning")).isFalse());
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String command) {
        List<RecordedEvent> matching = events.stream().filter(e -> command.equals(e.getString("command"))).toList();
        assertThat(matching).as(command).hasSize(1);
        return matching.get(0);
    }
}
