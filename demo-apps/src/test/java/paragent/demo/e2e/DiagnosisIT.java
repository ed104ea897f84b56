package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.Demos;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.gpuoffload.GpuOffloadDemo;

/**
 * The ground truth: every demo's bottleneck variant, run under the agent, produces the finding the
 * demo declares as its top finding, and its fixed variant does not produce that kind above the
 * declared share. Demos with worker JVMs (process modes, {@code pipes}) run with the agent's
 * {@code children} option, so the findings are those of the merged process tree. {@code gpu-offload}
 * runs on the machine's OpenCL device ({@link OpenCl#requireOrSkip}).
 */
class DiagnosisIT {

    /** The machine's cores: each demo runs at {@link Demo#diagnosisThreads} for them. */
    static final int CORES = Runtime.getRuntime().availableProcessors();

    static Stream<Arguments> demos() {
        List<Arguments> cases = new ArrayList<>();
        for (Demo demo : Demos.all()) {
            cases.add(Arguments.of(demo.name(), List.<String>of()));
        }
        cases.add(Arguments.of("shared-counter", List.of("--lock", "reentrant")));
        for (Demo demo : Demos.all()) {
            if (demo.supportsProcesses()) {
                cases.add(Arguments.of(demo.name(), List.of("--processes", Integer.toString(CORES))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("demos")
    void bottleneckVariantsTopFindingIsTheDeclaredOne(String name, List<String> options, @TempDir Path dir)
            throws Exception {
        requireOpenClFor(name);
        ExpectedFinding expected = expectedFinding(name, options);

        ForkedRun run = ForkedRun.demoUnderAgent(dir, args(name, "bottleneck", options), agentOptions(name, options));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.resultLine(name)).as(run.toString()).isPresent();
        JsonNode summary = ForkedRun.summaryIn(dir);
        JsonNode top = ForkedRun.topFinding(summary);
        assertThat(top.path("kind").asText()).as(summary.toString()).isEqualTo(expected.kind());
        assertThat(top.path("subject").asText()).as(summary.toString()).contains(expected.subjectContains());
        assertThat(top.path("where").asText()).as(summary.toString()).startsWith(expected.whereClassPrefix());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("demos")
    void fixedVariantsShowAtMostASmallShareOfTheDeclaredKind(String name, List<String> options, @TempDir Path dir)
            throws Exception {
        requireOpenClFor(name);
        ExpectedFinding expected = expectedFinding(name, options);

        ForkedRun run = ForkedRun.demoUnderAgent(dir, args(name, "fixed", options), agentOptions(name, options));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.resultLine(name)).as(run.toString()).isPresent();
        JsonNode summary = ForkedRun.summaryIn(dir);
        for (JsonNode finding : summary.path("findings")) {
            if (finding.path("kind").asText().equals(expected.kind())) {
                assertThat(finding.path("share").asDouble()).as(finding.toString())
                        .isLessThanOrEqualTo(expected.fixedMaxShare());
            }
        }
    }

    /** {@code gpu-offload} needs an OpenCL device: skipped without one, failed under {@code CI=true}. */
    private static void requireOpenClFor(String name) {
        if (name.equals(GpuOffloadDemo.NAME)) {
            OpenCl.requireOrSkip();
        }
    }

    private static int threads(String name) {
        return Demos.byName(name).orElseThrow().diagnosisThreads(CORES);
    }

    private static ExpectedFinding expectedFinding(String name, List<String> options) {
        return Demos.byName(name).orElseThrow().expectedFinding(config(name, options));
    }

    private static DemoConfig config(String name, List<String> options) {
        DemoConfig config = DemoConfig.of(threads(name), Variant.BOTTLENECK, DemoConfig.DEFAULT_SCALE);
        for (int i = 0; i + 1 < options.size(); i += 2) {
            String option = options.get(i).substring(2);
            config = option.equals("processes") ? config.withProcesses(Integer.parseInt(options.get(i + 1)))
                    : config.withOption(option, options.get(i + 1));
        }
        return config;
    }

    /** Runs that start worker JVMs are profiled with {@code children}: the diagnosis is of the whole tree. */
    private static String agentOptions(String name, List<String> options) {
        return Demos.byName(name).orElseThrow().startsWorkerJvms(config(name, options)) ? "children" : "";
    }

    private static List<String> args(String name, String variant, List<String> options) {
        List<String> args = new ArrayList<>(List.of(name, "--threads", Integer.toString(threads(name)),
                "--variant", variant));
        args.addAll(options);
        return args;
    }
}
