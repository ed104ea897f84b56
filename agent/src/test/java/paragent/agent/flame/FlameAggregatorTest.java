package paragent.agent.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlameAggregatorTest {

    @Test
    void collapseWritesRootFirstSeparatedBySemicolons() {
        assertThat(FlameAggregator.collapse(List.of("leaf", "middle", "root"))).isEqualTo("root;middle;leaf");
    }

    @Test
    void deepStacksKeepTheFramesNearestTheRootAndEndInTruncated() {
        List<String> leafFirst = new ArrayList<>();
        for (int i = 299; i >= 0; i--) {
            leafFirst.add("f" + i);
        }
        String[] frames = FlameAggregator.collapse(leafFirst).split(";");
        assertThat(frames).hasSize(FlameAggregator.MAX_FRAMES + 1);
        assertThat(frames[0]).isEqualTo("f0");
        assertThat(frames[FlameAggregator.MAX_FRAMES - 1]).isEqualTo("f255");
        assertThat(frames[FlameAggregator.MAX_FRAMES]).isEqualTo(FlameAggregator.TRUNCATED);
    }

    @Test
    void samplesOfTheSameModeThreadAndStackAreSummed() {
        FlameAggregator stacks = new FlameAggregator();
        stacks.add(FlameMode.CPU, "main", "a;b", 1, 10);
        stacks.add(FlameMode.CPU, "main", "a;b", 2, 20);
        stacks.add(FlameMode.WALL, "main", "a;b", 1, 5);
        stacks.add(FlameMode.CPU, null, "a;b", 1, 10);
        assertThat(stacks.entries()).containsExactlyInAnyOrder(
                new FlameAggregator.Entry(FlameMode.CPU, "main", "a;b", 3, 30),
                new FlameAggregator.Entry(FlameMode.WALL, "main", "a;b", 1, 5),
                new FlameAggregator.Entry(FlameMode.CPU, "", "a;b", 1, 10));
        assertThat(stacks.droppedStacks()).isZero();
    }

    @Test
    void beyondTheCapNewStacksFoldIntoTheirThreadsOtherStacksAndAreCounted() {
        FlameAggregator stacks = new FlameAggregator();
        for (int i = 0; i < FlameAggregator.MAX_STACKS_PER_MODE; i++) {
            stacks.add(FlameMode.CPU, "t", "s" + i, 1, 1);
        }
        stacks.add(FlameMode.CPU, "t", "s0", 1, 1);
        stacks.add(FlameMode.CPU, "t", "new1", 2, 2);
        stacks.add(FlameMode.CPU, "u", "new2", 3, 3);
        stacks.add(FlameMode.LOCK, "t", "new3", 1, 7);

        List<FlameAggregator.Entry> entries = stacks.entries();
        assertThat(entries).hasSize(FlameAggregator.MAX_STACKS_PER_MODE + 3)
                .contains(new FlameAggregator.Entry(FlameMode.CPU, "t", "s0", 2, 2),
                        new FlameAggregator.Entry(FlameMode.CPU, "t", FlameAggregator.OTHER_STACKS, 2, 2),
                        new FlameAggregator.Entry(FlameMode.CPU, "u", FlameAggregator.OTHER_STACKS, 3, 3),
                        new FlameAggregator.Entry(FlameMode.LOCK, "t", "new3", 1, 7));
        assertThat(stacks.droppedStacks()).isEqualTo(5);
    }

    @Test
    void modesParseFromOffOrPlusJoinedNames() {
        assertThat(FlameMode.parseAll("off")).isEmpty();
        assertThat(FlameMode.parseAll("cpu+wall+lock")).containsExactly(FlameMode.CPU, FlameMode.WALL, FlameMode.LOCK);
        assertThat(FlameMode.parseAll("LOCK+cpu")).containsExactly(FlameMode.CPU, FlameMode.LOCK);
        assertThat(FlameMode.format(EnumSet.of(FlameMode.WALL, FlameMode.CPU))).isEqualTo("cpu+wall");
        assertThat(FlameMode.format(EnumSet.noneOf(FlameMode.class))).isEqualTo("off");
        assertThatThrownBy(() -> FlameMode.parseAll("cpu+alloc")).hasMessage("option 'flame' has an unknown mode"
                + " 'alloc' (use off, or cpu, wall, lock joined by '+', e.g. flame=cpu+wall+lock)");
    }

    @Test
    void platformsNameTheFoldersOfAsyncProfilersJar() {
        assertThat(AsyncProfilerLoader.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(AsyncProfilerLoader.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(AsyncProfilerLoader.platform("Mac OS X", "aarch64")).isEqualTo("macos");
        assertThatThrownBy(() -> AsyncProfilerLoader.platform("Linux", "ppc64le"))
                .hasMessage("unsupported platform linux-ppc64le");
    }

    @Test
    void theCpuEventNamesPerfEventsCpuAndATimerFallbackGetsANote() {
        assertThat(FlameRecorder.cpuEvent("perf_events")).isEqualTo("cpu");
        assertThat(FlameRecorder.cpuEvent("ctimer")).isEqualTo("ctimer");
        assertThat(FlameRecorder.cpuNote("cpu")).isEmpty();
        assertThat(FlameRecorder.cpuNote("ctimer")).startsWith("perf_events not permitted")
                .contains("ctimer timer");
    }
}
