package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.testapps.SocketPeerApp;

/**
 * Two programs that were not started by one another, each profiled on its own, talk over a
 * socket: {@code report server.jfr client.jfr} joins them into one run by the socket's endpoints,
 * matches its two ends with the exact bytes each way, and (one machine, one clock) estimates a
 * clock offset near zero from the connect and the accept.
 */
class SocketPeersIT {

    private static final String APP = SocketPeerApp.class.getName();

    @TempDir
    Path dir;

    @Test
    void separateRecordingsOfSocketPeersMergeIntoOneRunWithTheSocketMatched() throws Exception {
        Path portFile = dir.resolve("port");
        Path serverOut = dir.resolve("server");
        Path clientOut = dir.resolve("client");
        Process server = new ProcessBuilder(ForkedJvm.command("out=" + serverOut + ",jfr,quiet",
                ForkedJvm.TEST_CLASSES.toString(), APP, "server", portFile.toString()))
                .directory(dir.toFile()).redirectOutput(dir.resolve("server.txt").toFile())
                .redirectError(dir.resolve("server-err.txt").toFile()).start();
        ForkedJvm.Result client = ForkedJvm.run(ForkedJvm.command("out=" + clientOut + ",jfr,quiet",
                ForkedJvm.TEST_CLASSES.toString(), APP, "client", portFile.toString()), dir);
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitCode()).as(client.stderr()).isZero();
        assertThat(client.stdout()).contains("client got " + SocketPeerApp.REPLY_BYTES);
        assertThat(Files.readString(dir.resolve("server.txt"))).contains("server got " + SocketPeerApp.REQUEST_BYTES);
        int port = Integer.parseInt(Files.readString(portFile).strip());

        Path json = dir.resolve("tree.json");
        List<String> report = new ArrayList<>(List.of(ForkedJvm.java().toString(), "-jar",
                ForkedJvm.AGENT_JAR.toString(), "report", only(serverOut).toString(), only(clientOut).toString(),
                "-o", dir.resolve("tree.html").toString(), "--json", json.toString()));
        ForkedJvm.Result merged = ForkedJvm.run(report, dir);
        assertThat(merged.exitCode()).as(merged.stderr()).isZero();

        JsonNode tree = new ObjectMapper().readTree(json.toFile()).path("processTree");
        assertThat(tree.path("processes").size()).as(tree.toString()).isEqualTo(2);
        JsonNode link = null;
        for (JsonNode l : tree.path("links")) {
            if (l.path("kind").asText().equals("socket")) {
                link = l;
            }
        }
        assertThat(link).as(tree.path("links").toString()).isNotNull();
        assertThat(link.path("name").asText()).isEqualTo("socket 127.0.0.1:" + port);
        assertThat(link.path("matched").asBoolean()).isTrue();
        assertThat(link.path("bytesFromTo").asLong()).as("client to server").isEqualTo(SocketPeerApp.REQUEST_BYTES);
        assertThat(link.path("bytesToFrom").asLong()).as("server to client").isEqualTo(SocketPeerApp.REPLY_BYTES);
        for (JsonNode p : tree.path("processes")) {
            assertThat(p.path("clockOffsetSeconds").asDouble()).as("one machine, one clock")
                    .isCloseTo(0.0, within(0.05));
        }
    }

    private static Path only(Path out) throws Exception {
        try (var files = Files.list(out)) {
            List<Path> recordings = files.filter(p -> p.toString().endsWith(".jfr")).toList();
            assertThat(recordings).hasSize(1);
            return recordings.get(0);
        }
    }
}
