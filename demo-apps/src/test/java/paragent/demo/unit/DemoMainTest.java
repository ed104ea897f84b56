package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paragent.demo.DemoMain;

class DemoMainTest {

    /** Exit code and captured streams of one {@link DemoMain#run} call. */
    private record Outcome(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().collect(Collectors.toList());
        }

        List<String> errLines() {
            return err.lines().collect(Collectors.toList());
        }

        Map<String, String> metrics() {
            return out.lines().filter(l -> l.startsWith("metric."))
                    .collect(Collectors.toMap(l -> l.substring("metric.".length(), l.indexOf('=')),
                            l -> l.substring(l.indexOf('=') + 1)));
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DemoMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runPrintsOneResultLineAndExitsZero() {
        Outcome outcome = run("shared-counter", "--threads", "2", "--variant", "fixed", "--scale", "0.01");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.outLines()).hasSize(1);
        assertThat(outcome.outLines().get(0))
                .matches("shared-counter variant=fixed threads=2 wallMillis=\\d+ result=14000");
    }

    @Test
    void acceptsKeyEqualsValueSpelling() {
        Outcome outcome = run("gil", "--threads=2", "--variant=bottleneck", "--scale=0.001", "--switch-interval=1");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.outLines().get(0)).startsWith("gil variant=bottleneck threads=2 wallMillis=")
                .endsWith(" result=1229");
        assertThat(outcome.metrics()).containsEntry("units", "10");
    }

    @Test
    void measureContentionPrintsMetricLines() {
        Outcome outcome = run("shared-counter", "--threads", "2", "--scale", "0.01", "--lock", "reentrant",
                "--measure-contention");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.outLines().get(0)).startsWith("shared-counter variant=bottleneck threads=2 ");
        assertThat(outcome.metrics()).containsOnlyKeys("blockedMillis", "lockWaitMillis");
        assertThat(outcome.metrics().values()).allSatisfy(v -> assertThat(Long.parseLong(v)).isNotNegative());
    }

    @Test
    void withoutMeasureContentionNoContentionMetrics() {
        Outcome outcome = run("shared-counter", "--threads", "2", "--scale", "0.01");

        assertThat(outcome.metrics()).doesNotContainKeys("blockedMillis", "lockWaitMillis");
    }

    @Test
    void listNamesEveryDemoWithItsExpectedFinding() {
        Outcome outcome = run("--list");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("shared-counter", "gil", "montecarlo", "LOCK_CONTENTION",
                "paragent.demo.gil.GlobalInterpreterLock", "paragent.demo.montecarlo.HitCounter",
                "pool", "TASK_OVERHEAD subject~pool-worker", "parallel-loop", "LOAD_IMBALANCE",
                "oversubscribe", "OVERSUBSCRIPTION", "amdahl", "SERIAL_SECTION subject~main",
                "gc-churn", "GC subject~Particle", "pipes", "gpu-offload", "GPU_TRANSFER subject~saxpy_step");
    }

    @Test
    void montecarloSharedRandomRunsAndItsExpectationIsListed() {
        Outcome outcome = run("montecarlo", "--threads", "2", "--scale", "0.001", "--shared", "random");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.outLines().get(0)).matches("montecarlo variant=bottleneck threads=2 wallMillis=\\d+ result=3\\..*");
        assertThat(outcome.metrics()).containsEntry("samples", "90000");
        assertThat(run("montecarlo", "--help").out()).contains("--shared counter|random");
        assertThat(run("--list").out()).contains(
                "with --shared random expects CPU_TIME_INFLATION subject~java.util.Random where=paragent.demo.montecarlo.*");
    }

    @Test
    void helpExitsZeroAndShowsUsage() {
        assertThat(run("--help").exitCode()).isZero();
        assertThat(run("--help").out()).contains("usage:", "--threads", "--variant", "--scale");
        Outcome demoHelp = run("shared-counter", "--help");
        assertThat(demoHelp.exitCode()).isZero();
        assertThat(demoHelp.out()).contains("--lock synchronized|reentrant", "--critical", "--measure-contention");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "no-such-demo", "--threads 4", "gil --threads", "gil --threads 0", "gil --threads x",
        "gil --variant slow", "gil --scale 0", "gil --scale -1", "gil --scale NaN", "gil --bogus 1",
        "gil stray", "gil --switch-interval 0", "shared-counter --lock spin", "shared-counter --critical -1",
        "shared-counter --measure-contention=yes", "montecarlo --seed abc", "montecarlo --shared rng",
        "montecarlo --shared", "montecarlo --processes 2", "gil --processes 0", "gil --processes x",
        "pool --steps 0", "parallel-loop --max-steps -1", "oversubscribe --table-kb 0", "amdahl --steps 3",
        "gc-churn --particles 10", "gpu-offload --steps 0", "gpu-offload --elements x"})
    void badArgumentsGiveOneLineOnStderrAndExitTwo(String argLine) {
        String[] args = argLine.isEmpty() ? new String[0] : argLine.split(" ");

        Outcome outcome = run(args);

        assertThat(outcome.exitCode()).as(argLine).isEqualTo(2);
        assertThat(outcome.errLines()).as(argLine).hasSize(1);
        assertThat(outcome.errLines().get(0)).as(argLine).startsWith("demo-apps: ");
        assertThat(outcome.out()).as(argLine).isEmpty();
    }

    @Test
    void demoWithoutAProcessModeRejectsProcessesInOneLine() {
        assertThat(run("amdahl", "--processes", "2").err())
                .isEqualTo("demo-apps: amdahl has no process mode; use --threads" + System.lineSeparator());
    }

    @Test
    void processModeRunPrintsProcessesAndPipeMetrics() {
        Outcome outcome = run("pool", "--processes", "2", "--variant", "fixed", "--scale", "0.01");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.outLines().get(0)).matches("pool variant=fixed processes=2 wallMillis=\\d+ result=\\p{XDigit}+");
        assertThat(outcome.metrics()).containsOnlyKeys("tasks", "pipeBlockedMillis", "pipeBytes");
    }

    @Test
    void listShowsWhichDemosHaveAProcessMode() {
        List<String> processModes = run("--list").outLines().stream().filter(l -> l.contains("process mode:"))
                .collect(Collectors.toList());

        assertThat(processModes).hasSize(4);
        assertThat(String.join("\n", processModes)).contains("PROCESS_SPAWN subject~java",
                "IPC subject~to child where=paragent.demo.pool.*", "LOCK_CONTENTION subject~file lock",
                "IPC subject~to child where=paragent.demo.pipes.*");
    }
}
