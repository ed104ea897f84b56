package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer needs no agent: a recording made with plain {@code -XX:StartFlightRecording}
 * (default settings) analyzed with {@code paragent.jar summary} and {@code report} names the same
 * lock as a run under the agent: its top finding is the agent's lock-contention finding. (The
 * agent's own top finding may be oversubscription: 8 threads on 2 cores wait for a CPU, which only
 * the agent measures.)
 */
class PlainRecordingIT {

    @ParameterizedTest
    @ValueSource(strings = {"shared-counter", "gil"})
    void plainRecordingGivesTheSameTopFindingAsTheAgent(String demo, @TempDir Path dir) throws Exception {
        // JFR's default 20 ms monitor threshold keeps only the longest waits. With 4 threads on 2
        // cores, JDK 25's monitors rarely block that long (0 to 15 events per run, sometimes none:
        // then the recording holds no trace of the lock, and says so in a warning). 8 threads
        // oversubscribe the cores, holders are preempted holding the lock, and waits of 20 ms and
        // more are common (50 to 80 events per run on both JDKs).
        List<String> args = List.of(demo, "--threads", "8", "--variant", "bottleneck", "--scale", "2");
        Path agentOut = Files.createDirectories(dir.resolve("agent"));
        ForkedRun underAgent = ForkedRun.demoUnderAgent(agentOut, args);
        assertThat(underAgent.exitCode).as(underAgent.toString()).isZero();
        JsonNode agentTop = lockContention(ForkedRun.summaryIn(agentOut));

        Path jfr = dir.resolve("x.jfr");
        ForkedRun plain = ForkedRun.demoUnderPlainJfr(jfr, args);
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(jfr).exists();

        ForkedRun summary = ForkedRun.cli(dir, List.of("summary", jfr.toString()));
        assertThat(summary.exitCode).as(summary.toString()).isZero();
        assertThat(summary.stdout).as(summary.toString())
                .contains(agentTop.path("kind").asText()).contains(agentTop.path("subject").asText());

        Path json = dir.resolve("y.json");
        ForkedRun report = ForkedRun.cli(dir, List.of("report", jfr.toString(), "--json", json.toString(),
                "-o", dir.resolve("y.html").toString()));
        assertThat(report.exitCode).as(report.toString()).isZero();
        JsonNode plainSummary = ForkedRun.readJson(json);
        assertThat(plainSummary.path("warnings").toString()).contains("kept only lock waits of 20 ms or more");
        JsonNode plainTop = ForkedRun.topFinding(plainSummary);
        assertThat(plainTop.path("kind").asText()).as(plainTop.toString()).isEqualTo(agentTop.path("kind").asText());
        assertThat(plainTop.path("subject").asText()).as(plainTop.toString())
                .isEqualTo(agentTop.path("subject").asText());
    }

    private static JsonNode lockContention(JsonNode summary) {
        for (JsonNode finding : summary.path("findings")) {
            if (finding.path("kind").asText().equals("LOCK_CONTENTION")) {
                return finding;
            }
        }
        throw new AssertionError("no LOCK_CONTENTION finding under the agent: " + summary);
    }
}
