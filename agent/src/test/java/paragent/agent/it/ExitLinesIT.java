package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent prints when the program ends: the top finding and the report on the first line,
 * findings 2 and 3 on at most two more lines, in the order of the JSON summary; under {@code quiet},
 * nothing at all.
 */
class ExitLinesIT {

    private static final String APP = "paragent.testapps.ContendedApp";

    @TempDir
    Path dir;

    @Test
    void exitLinesNameTheTopThreeFindingsOfTheSummaryAndTheReport() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + dir, ForkedJvm.TEST_CLASSES.toString(), APP),
                dir);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Path json = ExitReportIT.reports(dir).stream().filter(p -> p.toString().endsWith(".json")).findFirst()
                .orElseThrow();
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).path("findings");
        assertThat(findings.size()).as("the app's findings").isPositive();

        List<String> lines = result.stderrLines();

        assertThat(lines).as(result.stderr()).hasSize(Math.min(3, findings.size()));
        assertThat(lines.get(0)).startsWith("paragent: " + findings.get(0).path("kind").asText() + " ")
                .contains(" of worker time on " + findings.get(0).path("subject").asText())
                .endsWith(" — report: " + json.resolveSibling(json.getFileName().toString().replace(".json", ".html")));
        for (int i = 1; i < lines.size(); i++) {
            JsonNode f = findings.get(i);
            assertThat(lines.get(i)).startsWith("  " + (i + 1) + ". " + f.path("kind").asText() + " ")
                    .contains(" on " + f.path("subject").asText());
        }
    }

    @Test
    void quietPrintsNothing() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + dir + ",quiet",
                ForkedJvm.TEST_CLASSES.toString(), APP), dir);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(ExitReportIT.reports(dir)).hasSize(3);
    }
}
