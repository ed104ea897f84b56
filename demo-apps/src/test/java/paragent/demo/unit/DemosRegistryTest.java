package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.Demos;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;

class DemosRegistryTest {

    /** The kinds of the JSON contract, copied from ARCHITECTURE.md on purpose. */
    private static final List<String> CONTRACT_KINDS = List.of(
            "LOCK_CONTENTION", "SERIAL_SECTION", "LOAD_IMBALANCE", "OVERSUBSCRIPTION", "TASK_OVERHEAD",
            "CPU_TIME_INFLATION", "PROCESS_SPAWN", "IPC", "GC", "IO", "GPU_TRANSFER");

    @Test
    void listsEveryDemoInOrder() {
        assertThat(Demos.all()).extracting(Demo::name).containsExactly("shared-counter", "gil", "montecarlo",
                "pool", "parallel-loop", "oversubscribe", "amdahl", "gc-churn", "pipes", "gpu-offload");
    }

    @Test
    void everyDemoDeclaresAnExpectedFindingInItsOwnPackage() {
        for (Demo demo : Demos.all()) {
            for (DemoConfig config : configsOf(demo)) {
                ExpectedFinding expected = demo.expectedFinding(config);

                assertThat(expected).as(demo.name()).isNotNull();
                assertThat(expected.kind()).as(demo.name()).isIn(CONTRACT_KINDS);
                assertThat(expected.subjectContains()).as(demo.name()).isNotBlank();
                assertThat(expected.whereClassPrefix()).as(demo.name())
                        .isEqualTo(demo.getClass().getPackageName() + ".");
                assertThat(expected.fixedMaxShare()).as(demo.name() + " " + config)
                        .isBetween(0.0, config.isProcessMode() || demo.startsWorkerJvms(config) ? 0.25 : 0.05);
            }
        }
    }

    @Test
    void everyDemoHasADescriptionAndUniqueName() {
        assertThat(Demos.all()).extracting(Demo::name).doesNotHaveDuplicates();
        assertThat(Demos.all()).allSatisfy(d -> assertThat(d.description()).isNotBlank());
    }

    @Test
    void findsDemosByName() {
        assertThat(Demos.byName("gil")).get().extracting(Demo::name).isEqualTo("gil");
        assertThat(Demos.byName("no-such-demo")).isEmpty();
    }

    /**
     * The default config, its process mode where there is one, and one per value of every choice
     * option, so each expectation is checked.
     */
    private static List<DemoConfig> configsOf(Demo demo) {
        DemoConfig base = DemoConfig.of(4, Variant.BOTTLENECK, 1.0);
        List<DemoConfig> configs = new ArrayList<>(List.of(base));
        if (demo.supportsProcesses()) {
            configs.add(base.withProcesses(2));
        }
        for (DemoOption option : demo.options()) {
            for (String choice : option.choices()) {
                configs.add(base.withOption(option.name(), choice));
            }
        }
        return configs;
    }
}
