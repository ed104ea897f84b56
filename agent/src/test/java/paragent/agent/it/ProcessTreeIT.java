package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.agent.recording.ChildRecordings;

/**
 * The {@code children} option: a root JVM that starts a child JVM that starts a grandchild JVM,
 * all talking over pipes ({@code paragent.testapps.ProcessTreeApp}), yields three recordings of one
 * run, each naming its parent, with only the root printing or reporting anything, and the
 * program's output unchanged. Without the option, and for a child that is not a JVM, nothing
 * changes.
 */
class ProcessTreeIT {

    private static final String APP = "paragent.testapps.ProcessTreeApp";

    @TempDir
    Path dir;

    @Test
    void childrenRecordsTheWholeTreeAsOneRunAndOnlyTheRootReports() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result without = run(null, "plain");
        ForkedJvm.Result with = run("children,out=" + out, "profiled");

        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(with.stdout()).isEqualTo(without.stdout()).contains(
                "root got 'child passes on 'grandchild got line 3''", "child exit=0", "echo: not java");
        for (int depth = 1; depth <= 2; depth++) {
            assertThat(dir.resolve("profiled").resolve("stderr-" + depth + ".txt"))
                    .as("what JVM %d printed on stderr", depth).isEmptyFile();
        }

        Map<Long, RecordedEvent> runInfos = runInfosByPid(out);
        assertThat(runInfos).hasSize(3);
        RecordedEvent root = runInfos.values().stream()
                .filter(info -> info.getLong("parentPid") == ProcessHandle.current().pid()).findFirst().orElseThrow();
        RecordedEvent child = childOf(runInfos, root);
        RecordedEvent grandchild = childOf(runInfos, child);
        assertThat(runInfos.values()).allSatisfy(info -> {
            assertThat(info.getString("runId")).isEqualTo(root.getString("runId"));
            assertThat(info.getBoolean("children")).isTrue();
            assertThat(info.getLong("agentStartNanos")).isPositive();
        });
        long rootPid = root.getLong("pid");
        assertThat(root.getString("runId")).startsWith(rootPid + "-");
        assertThat(with.stderrMessages()).as("the root's exit output only").hasSize(1).first().asString()
                .startsWith("paragent:");
        assertThat(out.resolve("paragent-" + rootPid + ".html")).isNotEmptyFile();
        assertThat(out.resolve("paragent-" + rootPid + ".json")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".jfr")))
                    .as("only the root writes reports")
                    .containsExactlyInAnyOrder("paragent-" + rootPid + ".html", "paragent-" + rootPid + ".json");
        }

        List<RecordedEvent> rootSpawns = spawns(out.resolve("paragent-" + rootPid + ".jfr"));
        assertThat(rootSpawns).extracting(e -> e.getString("command")).containsExactlyInAnyOrder(
                ForkedJvm.java() + " -cp " + ForkedJvm.TEST_CLASSES + " " + APP + " 1 " + dir.resolve("profiled"),
                "echo not java");

        ChildRecordings.Found found = ChildRecordings.of(out.resolve("paragent-" + rootPid + ".jfr"), out,
                root.getString("runId"));
        assertThat(found.warnings()).isEmpty();
        assertThat(found.recordings()).containsExactly(out.resolve("paragent-" + child.getLong("pid") + ".jfr"),
                out.resolve("paragent-" + grandchild.getLong("pid") + ".jfr"));

        assertTheReportIsTheWholeTree(out.resolve("paragent-" + rootPid + ".json"), rootPid, child.getLong("pid"),
                grandchild.getLong("pid"));
    }

    /**
     * The root's exit report merges the three recordings: a process tree of root, child and
     * grandchild in that order, and the pipes between them matched end to end with the exact bytes
     * {@code ProcessTreeApp} sends each way.
     */
    private static void assertTheReportIsTheWholeTree(Path json, long root, long child, long grandchild)
            throws IOException {
        JsonNode tree = new ObjectMapper().readTree(json.toFile()).path("processTree");
        assertThat(tree.path("processes")).extracting(p -> p.path("pid").asLong(), p -> p.path("depth").asInt())
                .containsExactly(tuple(root, 0), tuple(child, 1), tuple(grandchild, 2));
        int questions = 3 * "line N\n".length();
        JsonNode rootToChild = link(tree, root, child, "stdin");
        assertThat(rootToChild.path("matched").asBoolean()).as(rootToChild.toString()).isTrue();
        assertThat(rootToChild.path("bytesFromTo").asLong()).isEqualTo(questions);
        assertThat(link(tree, root, child, "stdout").path("bytesToFrom").asLong())
                .isEqualTo(3 * "child passes on 'grandchild got line N'\n".length());
        JsonNode childToGrandchild = link(tree, child, grandchild, "stdin");
        assertThat(childToGrandchild.path("matched").asBoolean()).as(childToGrandchild.toString()).isTrue();
        assertThat(childToGrandchild.path("bytesFromTo").asLong()).isEqualTo(questions);
        assertThat(childToGrandchild.path("sendSite").asText()).startsWith(APP + ".ask(");
        assertThat(childToGrandchild.path("receiveSite").asText()).startsWith(APP + ".answer(");
        assertThat(link(tree, child, grandchild, "stdout").path("bytesToFrom").asLong())
                .isEqualTo(3 * "grandchild got line N\n".length());
    }

    private static JsonNode link(JsonNode tree, long from, long to, String stream) {
        List<JsonNode> links = new ArrayList<>();
        tree.path("links").forEach(links::add);
        return links.stream().filter(l -> l.path("fromPid").asLong() == from && l.path("toPid").asLong() == to
                        && l.path("name").asText().endsWith("(" + stream + ")"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + stream + " link " + from + " -> " + to
                        + " in " + tree.path("links")));
    }

    @Test
    void withoutChildrenTheChildJvmsGetNoAgent() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result with = run("out=" + out, "profiled");

        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(with.stdout()).contains("root got 'child passes on 'grandchild got line 1''");
        Map<Long, RecordedEvent> runInfos = runInfosByPid(out);
        assertThat(runInfos).hasSize(1);
        RecordedEvent root = runInfos.values().iterator().next();
        assertThat(root.getBoolean("children")).isFalse();
        assertThat(root.getLong("parentPid")).isEqualTo(ProcessHandle.current().pid());
    }

    private ForkedJvm.Result run(String agentArgs, String name) throws IOException, InterruptedException {
        Path stderrDir = Files.createDirectories(dir.resolve(name));
        return ForkedJvm.run(ForkedJvm.command(agentArgs, ForkedJvm.TEST_CLASSES.toString(), APP, "0",
                stderrDir.toString()), dir);
    }

    private static RecordedEvent childOf(Map<Long, RecordedEvent> runInfos, RecordedEvent parent) {
        List<RecordedEvent> children = runInfos.values().stream()
                .filter(info -> info.getLong("parentPid") == parent.getLong("pid")).toList();
        assertThat(children).as("children of %d", parent.getLong("pid")).hasSize(1);
        return children.get(0);
    }

    /** The {@code paragent.RunInfo} of every recording in {@code out}, by pid, checking the file names. */
    private static Map<Long, RecordedEvent> runInfosByPid(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> recordings = files.filter(p -> p.toString().endsWith(".jfr")).toList();
            Map<Long, RecordedEvent> byPid = recordings.stream().map(ProcessTreeIT::runInfo)
                    .collect(Collectors.toMap(e -> e.getLong("pid"), Function.identity()));
            assertThat(recordings).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(
                    byPid.keySet().stream().map(pid -> "paragent-" + pid + ".jfr").toList());
            return byPid;
        }
    }

    private static RecordedEvent runInfo(Path recording) {
        try {
            return RecordingFile.readAllEvents(recording).stream()
                    .filter(e -> e.getEventType().getName().equals("paragent.RunInfo")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RecordedEvent> spawns(Path recording) throws IOException {
        return RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("paragent.ProcessSpawn")).toList();
    }
}
