package paragent.analyzer.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.FlameStack;

class FlameTreesTest {

    private static FlameStack stack(String collapsed, long samples, long weight) {
        return new FlameStack("t", List.of(collapsed.split(";")), samples, weight);
    }

    @Test
    void collapsedStacksSumIntoEveryFrameOnTheirPath() {
        FlameNode root = FlameTrees.build(List.of(stack("a;b;c", 1, 10), stack("a;b", 2, 5), stack("a;d", 3, 5)));

        assertThat(root.name()).isEqualTo(FlameTrees.ROOT);
        assertThat(root.weight()).isEqualTo(20);
        assertThat(root.samples()).isEqualTo(6);
        FlameNode a = root.children().get(0);
        assertThat(a.name()).isEqualTo("a");
        assertThat(a.weight()).isEqualTo(20);
        assertThat(a.selfWeight()).isZero();
        assertThat(a.children()).extracting(FlameNode::name).containsExactly("b", "d");
        FlameNode b = a.children().get(0);
        assertThat(b.weight()).isEqualTo(15);
        assertThat(b.selfWeight()).isEqualTo(5);
        assertThat(b.samples()).isEqualTo(3);
        assertThat(b.children().get(0).selfWeight()).isEqualTo(10);
    }

    @Test
    void framesNarrowerThanATenthOfAPercentAreDropped() {
        FlameNode root = FlameTrees.build(List.of(stack("wide", 1, 999_001), stack("narrow", 1, 999)));

        assertThat(root.children()).extracting(FlameNode::name).containsExactly("wide");
        assertThat(root.weight()).as("a dropped frame still counts in its parent").isEqualTo(1_000_000);
    }

    @Test
    void aGraphKeepsAtMostMaxNodesTheWidestFirst() {
        List<FlameStack> stacks = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<String> frames = new ArrayList<>();
            for (int f = 0; f < 256; f++) {
                frames.add("s" + s + ".f" + f);
            }
            stacks.add(new FlameStack("t", frames, 1, 1_000 + s));
        }

        FlameNode root = FlameTrees.build(stacks);

        assertThat(root.size()).isEqualTo(FlameTrees.MAX_NODES);
        assertThat(root.children().get(0).name()).as("the widest stack is kept whole").isEqualTo("s9.f0");
        assertThat(depth(root.children().get(0))).isEqualTo(256);
    }

    @Test
    void pruningKeepsTheWidestNodes() {
        List<FlameStack> stacks = new ArrayList<>();
        for (int w = 1; w <= 500; w++) {
            stacks.add(stack("f" + w, 1, w));
        }

        FlameNode root = FlameTrees.build(stacks, 100, 0);

        assertThat(root.children()).hasSize(99);
        assertThat(root.children()).extracting(FlameNode::weight).allMatch(w -> w >= 402);
    }

    private static int depth(FlameNode node) {
        return 1 + node.children().stream().mapToInt(FlameTreesTest::depth).max().orElse(0);
    }
}
