package paragent.analyzer.render.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.testing.ScalingReports;

/** The scaling JSON follows the paragent/scale@1 contract field by field. */
class ScaleJsonRendererTest {

    private static JsonNode render(paragent.analyzer.scaling.ScalingReport report) throws Exception {
        return new ObjectMapper().readTree(ScaleJsonRenderer.render(report));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelHasTheContractsFieldsInOrder() throws Exception {
        JsonNode root = render(ScalingReports.oneToEight());

        assertThat(names(root)).containsExactly("schema", "command", "cores", "runs", "counts", "fits", "findings",
                "warnings");
        assertThat(root.get("schema").asText()).isEqualTo("paragent/scale@1");
        assertThat(root.get("command").asText()).isEqualTo("java -jar app.jar --threads {threads} --name <b>&co");
        assertThat(root.get("cores").isIntegralNumber()).isTrue();
        assertThat(root.get("cores").asInt()).isEqualTo(8);
        assertThat(root.get("warnings")).hasSize(2);
        assertThat(root.get("warnings").get(0).asText()).isEqualTo("t8-r2 was disturbed: other processes used 0.60 "
                + "cores <on average>");
    }

    @Test
    void runsCarryTheirTimesLossesAndDisturbance() throws Exception {
        JsonNode runs = render(ScalingReports.oneToEight()).get("runs");

        assertThat(runs).hasSize(8);
        JsonNode last = runs.get(7);
        assertThat(names(last)).containsExactly("threads", "repeat", "recordings", "wallSeconds", "cpuSeconds",
                "workerThreads", "usefulCpuSeconds", "lostThreadSeconds", "foreignCores", "disturbed");
        assertThat(last.get("threads").asInt()).isEqualTo(8);
        assertThat(last.get("repeat").asInt()).isEqualTo(2);
        assertThat(last.get("recordings").get(0).asText()).isEqualTo("t8-r2/paragent-108.jfr");
        assertThat(last.get("wallSeconds").asDouble()).isEqualTo(1.2);
        assertThat(last.get("cpuSeconds").asDouble()).isEqualTo(6.8);
        assertThat(last.get("workerThreads").asInt()).isEqualTo(8);
        assertThat(last.get("usefulCpuSeconds").asDouble()).isEqualTo(6.7);
        assertThat(names(last.get("lostThreadSeconds"))).containsExactly("LOCK_CONTENTION", "GC");
        assertThat(last.get("lostThreadSeconds").get("LOCK_CONTENTION").asDouble()).isEqualTo(1.2);
        assertThat(last.get("foreignCores").asDouble()).isEqualTo(0.6);
        assertThat(last.get("disturbed").asBoolean()).isTrue();
        assertThat(runs.get(0).get("disturbed").asBoolean()).isFalse();
        assertThat(names(runs.get(0).get("lostThreadSeconds"))).containsExactly("GC");
    }

    @Test
    void unknownForeignCoresAndCommandAreNull() throws Exception {
        JsonNode root = render(ScalingReports.oneAndTwo());

        assertThat(root.get("command").isNull()).isTrue();
        assertThat(root.get("runs").get(0).get("foreignCores").isNull()).isTrue();
        assertThat(root.get("findings")).isEmpty();
        assertThat(root.get("warnings")).isEmpty();
    }

    @Test
    void countsCarryRangesEfficiencyKarpFlattAndTheirStack() throws Exception {
        JsonNode counts = render(ScalingReports.oneToEight()).get("counts");

        assertThat(counts).hasSize(4);
        JsonNode one = counts.get(0);
        assertThat(names(one)).containsExactly("threads", "runs", "wallSeconds", "speedup", "efficiency", "karpFlatt",
                "stack");
        assertThat(one.get("karpFlatt").isNull()).isTrue();
        assertThat(one.get("stack").get("components")).isEmpty();
        JsonNode eight = counts.get(3);
        assertThat(eight.get("threads").asInt()).isEqualTo(8);
        assertThat(eight.get("runs").asInt()).isEqualTo(2);
        assertThat(names(eight.get("wallSeconds"))).containsExactly("median", "min", "max");
        assertThat(eight.get("wallSeconds").get("median").asDouble()).isEqualTo(1.1);
        assertThat(eight.get("wallSeconds").get("min").asDouble()).isEqualTo(1.0);
        assertThat(eight.get("wallSeconds").get("max").asDouble()).isEqualTo(1.2);
        assertThat(eight.get("speedup").get("median").asDouble()).isEqualTo(3.636);
        assertThat(eight.get("speedup").get("min").asDouble()).isEqualTo(3.333);
        assertThat(eight.get("speedup").get("max").asDouble()).isEqualTo(4.0);
        assertThat(eight.get("efficiency").asDouble()).as("rounded to 4 decimals").isEqualTo(0.4545);
        assertThat(eight.get("karpFlatt").asDouble()).isEqualTo(0.1714);
    }

    @Test
    void stackAddsUpToTheIdealAndKeepsNegativeComponents() throws Exception {
        JsonNode stack = render(ScalingReports.oneToEight()).get("counts").get(3).get("stack");

        assertThat(names(stack)).containsExactly("ideal", "achieved", "unexplained", "spread", "note", "components");
        assertThat(stack.get("ideal").asDouble()).isEqualTo(8.0);
        assertThat(stack.get("note").asText()).startsWith("repeats differ by 0.67 in speedup");
        JsonNode components = stack.get("components");
        assertThat(components).hasSize(3);
        JsonNode first = components.get(0);
        assertThat(names(first)).containsExactly("cause", "speedup", "lostThreadSeconds", "withinSpread");
        assertThat(first.get("cause").asText()).isEqualTo("CPU_TIME_INFLATION");
        assertThat(first.get("speedup").asDouble()).isEqualTo(2.9);
        assertThat(first.get("lostThreadSeconds").asDouble()).isEqualTo(3.19);
        assertThat(first.get("withinSpread").asBoolean()).isFalse();
        JsonNode gc = components.get(2);
        assertThat(gc.get("speedup").asDouble()).isEqualTo(-0.05);
        assertThat(gc.get("withinSpread").asBoolean()).isTrue();
        double sum = stack.get("achieved").asDouble() + stack.get("unexplained").asDouble();
        for (JsonNode c : components) {
            sum += c.get("speedup").asDouble();
        }
        assertThat(sum).isCloseTo(8.0, within(1e-9));
        JsonNode two = render(ScalingReports.oneToEight()).get("counts").get(1).get("stack");
        assertThat(two.get("note").isNull()).isTrue();
    }

    @Test
    void fitsNameTheirParametersAndNullsWhereUnbounded() throws Exception {
        JsonNode fits = render(ScalingReports.oneToEight()).get("fits");

        assertThat(names(fits)).containsExactly("amdahl", "usl");
        JsonNode amdahl = fits.get("amdahl");
        assertThat(names(amdahl)).containsExactly("serialFraction", "rSquared", "bestThreads", "ceiling", "usable",
                "note");
        assertThat(amdahl.get("serialFraction").asDouble()).isEqualTo(0.14);
        assertThat(amdahl.get("rSquared").asDouble()).isEqualTo(0.97);
        assertThat(amdahl.get("bestThreads").isNull()).isTrue();
        assertThat(amdahl.get("ceiling").asDouble()).isEqualTo(7.1429);
        assertThat(amdahl.get("usable").asBoolean()).isTrue();
        assertThat(amdahl.get("note").isNull()).isTrue();
        JsonNode usl = fits.get("usl");
        assertThat(names(usl)).containsExactly("sigma", "kappa", "rSquared", "bestThreads", "ceiling", "usable",
                "note");
        assertThat(usl.get("sigma").asDouble()).isEqualTo(0.08);
        assertThat(usl.get("kappa").asDouble()).isEqualTo(0.012);
        assertThat(usl.get("bestThreads").asDouble()).isEqualTo(8.756);
        assertThat(usl.get("ceiling").asDouble()).isEqualTo(3.71);
    }

    @Test
    void unusableFitHasItsNoteAndNullsForWhatWasNotFitted() throws Exception {
        JsonNode usl = render(ScalingReports.oneAndTwo()).get("fits").get("usl");

        assertThat(usl.get("usable").asBoolean()).isFalse();
        assertThat(usl.get("note").asText()).contains("at least 3 thread counts");
        assertThat(usl.get("sigma").asDouble()).isEqualTo(0.3333);
        assertThat(usl.get("kappa").isNull()).as("a parameter not fitted").isTrue();
        assertThat(usl.get("rSquared").isNull()).as("NaN").isTrue();
        assertThat(usl.get("bestThreads").isNull()).isTrue();
        assertThat(usl.get("ceiling").isNull()).isTrue();
    }

    @Test
    void findingsAreWrittenAsTheSummaryWritesThem() throws Exception {
        JsonNode findings = render(ScalingReports.oneToEight()).get("findings");

        assertThat(findings).hasSize(2);
        JsonNode top = findings.get(0);
        assertThat(names(top)).containsExactly("kind", "lostThreadSeconds", "share", "subject", "where", "title",
                "evidence", "advice");
        assertThat(top.get("kind").asText()).isEqualTo("CPU_TIME_INFLATION");
        assertThat(top.get("lostThreadSeconds").asDouble()).isEqualTo(3.19);
        assertThat(top.get("share").asDouble()).isEqualTo(0.3625);
        assertThat(top.get("subject").asText()).isEqualTo("java.util.Random.next");
        assertThat(top.get("where").asText()).isEqualTo("demo.MonteCarlo.sample(MonteCarlo.java:40)");
        assertThat(top.get("advice").asText()).contains("ThreadLocalRandom");
        assertThat(findings.get(1).get("subject").asText()).isEqualTo("demo.Counter<T>");
    }
}
