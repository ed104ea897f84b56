package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.testing.Workloads;

/** The JSON summary follows the paragent/summary@1 contract field by field. */
class JsonSummaryRendererTest {

    private static JsonNode render(Analysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        JsonSummaryRenderer.render(analysis, out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void summaryHasEveryContractFieldWithItsType() throws Exception {
        JsonNode root = render(Analyzer.analyze(Workloads.monitorContention()));

        assertThat(root.get("schema").asText()).isEqualTo("paragent/summary@1");
        assertThat(root.get("recording").asText()).isEqualTo("monitor.jfr");
        JsonNode jvm = root.get("jvm");
        assertThat(jvm.get("pid").isIntegralNumber()).isTrue();
        assertThat(jvm.get("javaVersion").asText()).matches("\\d+(\\.\\d+)*");
        assertThat(jvm.get("availableProcessors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(jvm.get("command").isTextual()).isTrue();
        assertThat(root.get("wallSeconds").isNumber()).isTrue();
        assertThat(root.get("wallSeconds").asDouble()).isPositive();
        assertThat(root.get("workerThreads").isIntegralNumber()).isTrue();
        assertThat(root.get("threads").isArray()).isTrue();
        for (JsonNode t : root.get("threads")) {
            assertThat(t.get("name").isTextual()).isTrue();
            assertThat(t.get("javaId").isIntegralNumber()).isTrue();
            assertThat(t.get("osId").isIntegralNumber() || t.get("osId").isNull()).isTrue();
            assertThat(t.get("cpuSeconds").isNumber()).isTrue();
            JsonNode seconds = t.get("seconds");
            for (String state : List.of("running", "blocked", "parked", "waiting", "sleeping", "io", "gc", "other")) {
                assertThat(seconds.get(state).isNumber()).as(state).isTrue();
                assertThat(seconds.get(state).asDouble()).as(state).isGreaterThanOrEqualTo(0);
            }
            assertThat(seconds.has("waitingForCpu")).isTrue();
            assertThat(seconds.get("waitingForCpu").isNull()).isTrue();
        }
        JsonNode findings = root.get("findings");
        assertThat(findings.size()).isPositive();
        double previous = Double.MAX_VALUE;
        double shareSum = 0;
        for (JsonNode f : findings) {
            assertThat(FindingKind.valueOf(f.get("kind").asText())).isNotNull();
            assertThat(f.get("lostThreadSeconds").asDouble()).isLessThanOrEqualTo(previous);
            previous = f.get("lostThreadSeconds").asDouble();
            shareSum += f.get("share").asDouble();
            for (String field : List.of("subject", "where", "title", "evidence", "advice")) {
                assertThat(f.get(field).isTextual()).as(field).isTrue();
            }
        }
        assertThat(shareSum).isBetween(0.0, 1.0);
        assertThat(root.get("locks").get(0).get("p99Seconds").isNumber()).isTrue();
    }

    @Test
    void recordedStringsAreEscaped() throws Exception {
        String nasty = "q\"uote \\ back\nnew\ttab \u0001 <script>alert(1)</script> é";
        ThreadTime t = new ThreadTime(nasty, 7, null, 1, 2, 1, null, 0, 0, 0, 0, 0, 0, 1, 3, false, true);
        Analysis analysis = new Analysis(nasty + ".jfr", new JvmInfo(null, null, 2, nasty), 2, 1, 0,
                List.of(t), List.of(), List.of(), List.of(nasty));

        JsonNode root = render(analysis);

        assertThat(root.get("threads").get(0).get("name").asText()).isEqualTo(nasty);
        assertThat(root.get("jvm").get("command").asText()).isEqualTo(nasty);
        assertThat(root.get("jvm").get("pid").isNull()).isTrue();
        assertThat(root.get("warnings").get(0).asText()).isEqualTo(nasty);
        assertThat(root.get("threads").get(0).get("osId").isNull()).isTrue();
    }
}
