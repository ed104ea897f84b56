package paragent.analyzer.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ChannelKind;

class PipeGroupsTest {

    private final Map<Finding, IpcLink> links = new IdentityHashMap<>();

    private Finding pipe(long child, String command, String stream, double lost) {
        String name = "pipe to child " + child + " '" + command + "' (" + stream + ")";
        Finding f = new Finding(FindingKind.IPC, lost, 0, name, "app.Pool.call(Pool.java:" + child + ")", "t",
                "e", "batch", List.of());
        boolean down = stream.equals("stdin");
        links.put(f, new IpcLink(name, ChannelKind.PIPE, 100, child, down ? 1000 : 0, down ? 0 : 800,
                down ? 10 : 0, down ? 0 : 10, 0.5, 0.25, 0, null, null, true));
        return f;
    }

    @Test
    void pipesToChildrenOfOneCommandBecomeOneFindingWithTheirSummedTime() {
        Finding a = pipe(201, "java Worker", "stdin", 1.0);
        Finding b = pipe(201, "java Worker", "stdout", 2.0);
        Finding c = pipe(202, "java Worker", "stdin", 1.5);
        Finding other = pipe(203, "python job.py", "stdin", 0.7);
        Finding spawn = new Finding(FindingKind.PROCESS_SPAWN, 3.0, 0, "java", null, "t", "e", "a", List.of());

        List<Finding> out = PipeGroups.join(List.of(a, spawn, b, other, c), links);

        assertThat(out).hasSize(3).contains(spawn, other);
        Finding joined = out.stream().filter(f -> f.subject().startsWith("pipes to")).findFirst().orElseThrow();
        assertThat(joined.subject()).isEqualTo("pipes to children 201, 202 'java Worker' (stdin, stdout)");
        assertThat(joined.lostThreadSeconds()).isCloseTo(4.5, within(1e-9));
        assertThat(joined.where()).isEqualTo("app.Pool.call(Pool.java:201)");
        assertThat(joined.evidence()).startsWith("3 pipes: 2.0 KiB to the children, 800 B back, in 30 messages")
                .contains("1.50 s blocked in the parent, 0.75 s in the children");
        assertThat(joined.detail()).hasSize(3);
    }

    @Test
    void aSinglePipeAndSocketsAreLeftAsTheyAre() {
        Finding only = pipe(201, "java Worker", "stdin", 1.0);
        Finding socket = new Finding(FindingKind.IPC, 2.0, 0, "socket 10.0.0.5:9000", null, "t", "e", "a", List.of());
        links.put(socket, new IpcLink("socket 10.0.0.5:9000", ChannelKind.SOCKET, 100, 300, 1, 1, 1, 1, 0, 0, 0,
                null, null, true));

        assertThat(PipeGroups.join(List.of(only, socket), links)).containsExactlyInAnyOrder(only, socket);
    }
}
