package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProbeJsonTest {

    private final JsonNode json = parse(ProbeJson.render(SampleReports.sample()));

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void theDocumentHasTheContractsFields() {
        assertThat(json.get("schema").asText()).isEqualTo("paragent/gpu-probe@1");
        assertThat(json.get("platforms")).hasSize(2);
        JsonNode device = json.get("platforms").get(0).get("devices").get(0);
        for (String field : new String[] {"index", "name", "type", "vendor", "driverVersion", "globalMemBytes",
            "maxAllocBytes", "computeUnits", "maxWorkGroupSize"}) {
            assertThat(device.has(field)).as(field).isTrue();
        }
        assertThat(json.get("device")).isEqualTo(device);
        assertThat(json.get("launchLatencySeconds").asDouble()).isEqualTo(5e-6);
        assertThat(json.get("repeats").asInt()).isEqualTo(3);
        assertThat(json.get("warmups").asInt()).isEqualTo(1);
    }

    @Test
    void transfersCarryDirectionMemoryBytesAndTheSpread() {
        assertThat(json.get("transfers")).hasSize(8);
        JsonNode first = json.get("transfers").get(0);
        assertThat(first.get("direction").asText()).isEqualTo("hostToDevice");
        assertThat(first.get("memory").asText()).isEqualTo("pageable");
        assertThat(first.get("bytes").asLong()).isEqualTo(4096);
        assertThat(first.get("medianSeconds").asDouble()).isEqualTo(4096 / 1e9);
        assertThat(first.get("minSeconds").asDouble()).isEqualTo(4096 / 2e9);
        assertThat(first.get("maxSeconds").asDouble()).isEqualTo(4096 / 0.5e9);
        assertThat(first.get("bandwidthBytesPerSecond").asDouble()).isCloseTo(1e9, org.assertj.core.data.Offset.offset(1.0));
        assertThat(first.has("p10Seconds") && first.has("p90Seconds") && first.has("hostMedianSeconds")).isTrue();
        assertThat(json.get("transfers").get(7).get("direction").asText()).isEqualTo("deviceToHost");
        assertThat(json.get("transfers").get(7).get("memory").asText()).isEqualTo("pinned");
    }

    @Test
    void crossoverIsTheEarliestThatPaysAndCrossoversListEveryKernel() {
        assertThat(json.get("crossover").get("kernel").asText()).isEqualTo("computeBound");
        assertThat(json.get("crossover").get("elements").asLong()).isEqualTo(4096);
        assertThat(json.get("crossover").get("bytes").asLong()).isEqualTo(16384);
        assertThat(json.get("crossover").get("conclusion").asText()).isEqualTo("pays from 4,096 <elements>");
        JsonNode never = json.get("crossovers").get(0);
        assertThat(never.get("elements").isNull()).isTrue();
        assertThat(never.get("bytes").isNull()).isTrue();
        assertThat(never.get("points")).hasSize(2);
        assertThat(json.get("kernels").get(1).get("unit").asText()).isEqualTo("FLOP/s");
    }

    @Test
    void stringsAreEscapedAndSurviveTheRoundTrip() {
        assertThat(json.get("device").get("name").asText()).isEqualTo(SampleReports.HOSTILE_NAME);
        JsonNode array = parse(new ProbeJson.Json().open('[').string("\u0001\"\\\t").number(Double.NaN).close(']')
                .toString());
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).asText()).isEqualTo("\u0001\"\\\t");
        assertThat(array.get(1).isNull()).isTrue();
    }
}
