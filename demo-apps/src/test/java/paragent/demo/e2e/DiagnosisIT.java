package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * runs on the machine's OpenCL device ({@link OpenCl#requireOrSkip}). Every HTML report opens in
 * headless Chromium without a console error, its verdict in view at 1280x800 (screenshots in
 * {@code target/browser/}); without Chromium those checks are left out, under {@code CI=true} they fail.
 */
class DiagnosisIT {

    /** The machine's cores: each demo runs at {@link Demo#diagnosisThreads} for them. */
    static final int CORES = Runtime.getRuntime().availableProcessors();

    /** One browser for the class; null without Chromium. */
    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.startIfInstalled();
        if (browser == null) {
            System.err.println("DiagnosisIT: reports not checked in a browser: " + Browser.INSTALL);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

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
        System.out.printf("diagnosis %s %s bottleneck: %s%n", name, String.join(" ", options), ranking(summary));
        assertThat(top.path("kind").asText()).as(summary.toString()).isEqualTo(expected.kind());
        assertThat(top.path("subject").asText()).as(summary.toString()).contains(expected.subjectContains());
        assertThat(top.path("where").asText()).as(summary.toString()).startsWith(expected.whereClassPrefix());
        assertReportOpensCleanly(dir, name, "bottleneck", options);
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
        System.out.printf("diagnosis %s %s fixed: %s%n", name, String.join(" ", options), ranking(summary));
        for (JsonNode finding : summary.path("findings")) {
            if (finding.path("kind").asText().equals(expected.kind())) {
                assertThat(finding.path("share").asDouble()).as(finding.toString())
                        .isLessThanOrEqualTo(expected.fixedMaxShare());
            }
        }
        assertReportOpensCleanly(dir, name, "fixed", options);
    }

    /**
     * The findings' kinds and shares, ranked, e.g. {@code GC 0.13, LOCK_CONTENTION 0.02}: printed for
     * every case, so a CI log shows how close the ranking came to changing, not only when it did.
     */
    private static String ranking(JsonNode summary) {
        List<String> ranked = new ArrayList<>();
        for (JsonNode finding : summary.path("findings")) {
            ranked.add(String.format(Locale.ROOT, "%s %.3f", finding.path("kind").asText(),
                    finding.path("share").asDouble()));
        }
        return ranked.isEmpty() ? "no findings" : String.join(", ", ranked);
    }

    /**
     * Opens the run's HTML report in the browser: no JavaScript exception or console error (CSP
     * violations included), and the verdict inside the 1280x800 viewport without scrolling.
     */
    private static void assertReportOpensCleanly(Path dir, String name, String variant, List<String> options)
            throws IOException, InterruptedException {
        if (browser == null) {
            return;
        }
        Path html;
        try (Stream<Path> files = Files.list(dir)) {
            html = files.filter(p -> p.getFileName().toString().matches("paragent-\\d+\\.html")).findFirst()
                    .orElseThrow(() -> new AssertionError("no paragent-<pid>.html in " + dir));
        }
        String caseName = name + "-" + variant + options.stream().map(o -> "-" + o.replace("--", "")).reduce("", String::concat);
        Browser.Page page = browser.open(html, caseName);
        assertThat(page.errors()).as("console of %s (screenshot %s)", html, page.screenshot()).isEmpty();
        assertThat(page.verdict()).as("verdict of %s (screenshot %s)", html, page.screenshot()).isNotNull()
                .matches(Browser.VerdictBox::inViewport, "inside the 1280x800 viewport");
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

    /**
     * Runs that start worker JVMs are profiled with {@code children}: the diagnosis is of the whole
     * tree. The others run with every async-profiler flame mode, so that each of their reports,
     * opened in the browser, draws async-profiler's graphs and the diagnosis holds with it running
     * (a child JVM would inherit the modes and pay async-profiler's start-up for graphs that the
     * tree's report does not draw).
     */
    private static String agentOptions(String name, List<String> options) {
        return Demos.byName(name).orElseThrow().startsWorkerJvms(config(name, options)) ? "children"
                : "flame=cpu+wall+lock";
    }

    private static List<String> args(String name, String variant, List<String> options) {
        List<String> args = new ArrayList<>(List.of(name, "--threads", Integer.toString(threads(name)),
                "--variant", variant));
        args.addAll(options);
        return args;
    }
}
