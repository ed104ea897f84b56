package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipes (parent and child side), sockets, serialization, file locks and mapped files are recorded
 * with exact byte and call counts, and the programs print the same with and without the agent.
 */
class IpcEventsIT {

    @TempDir
    Path dir;

    @Test
    void pipesToAChildCountEveryByteBothWaysAndSerializedMessages() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result with = runBoth("paragent.testapps.PipesApp", out);
        long sent = Long.parseLong(line(with.stdout(), "sent=").substring(5));
        assertThat(with.stdout()).contains("receivedRaw=50000 messageSum=45000 trailing=0");
        long stderrBytes = Long.parseLong(line(with.stdout(), "stderrBytes=").substring(12));

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        RecordedEvent spawn = ofType(events, "paragent.ProcessSpawn").get(0);
        // The forked JVM's own stdin is a pipe from this test: a child-side channel, left out here.
        List<RecordedEvent> opens = ofType(events, "paragent.ChannelOpen").stream()
                .filter(e -> e.getString("side").equals("parent")).toList();
        assertThat(opens).extracting(e -> e.getString("stream")).containsExactlyInAnyOrder("stdin", "stdout", "stderr");
        assertThat(opens).allSatisfy(open -> {
            assertThat(open.getString("kind")).isEqualTo("pipe");
            assertThat(open.getLong("peerPid")).isEqualTo(spawn.getLong("pid"));
            assertThat(open.getString("peerCommand")).endsWith("paragent.testapps.EchoChild");
            assertThat(open.getLong("pipeInode")).isPositive();
            assertThat(Stacks.firstApplicationMethod(open)).isEqualTo("paragent.testapps.PipesApp.main");
        });
        long stdin = channel(opens, "stdin");
        long stdout = channel(opens, "stdout");
        assertThat(sum(events, stdin, e -> e.getLong("bytesWritten"))).isEqualTo(sent);
        assertThat(sum(events, stdin, e -> e.getLong("writes"))).isPositive();
        assertThat(sum(events, stdout, e -> e.getLong("bytesRead"))).isEqualTo(sent);
        assertThat(sum(events, stdout, e -> e.getLong("reads"))).isPositive();
        assertThat(sum(events, stdout, e -> e.getLong("idleReadNanos"))).isNotNegative();
        assertThat(sum(events, channel(opens, "stderr"), e -> e.getLong("bytesRead"))).isEqualTo(stderrBytes);

        assertThat(ofType(events, "paragent.ChannelOp")).anySatisfy(op -> {
            assertThat(op.getLong("channelId")).isEqualTo(stdin);
            assertThat(op.getString("operation")).isEqualTo("write");
            assertThat(frames(op)).contains("paragent.testapps.PipesApp.send");
        }).anySatisfy(op -> {
            assertThat(op.getLong("channelId")).isEqualTo(stdout);
            assertThat(frames(op)).contains("paragent.testapps.PipesApp.receive");
        });

        List<RecordedEvent> serialization = ofType(events, "paragent.SerializationSummary").stream()
                .filter(e -> "[I".equals(e.getString("className"))).toList();
        assertThat(serialization.stream().filter(e -> e.getString("direction").equals("write"))
                .mapToLong(e -> e.getLong("objects")).sum()).isEqualTo(20); // to the pipe and to the copy
        assertThat(serialization.stream().filter(e -> e.getString("direction").equals("read"))
                .mapToLong(e -> e.getLong("objects")).sum()).isEqualTo(10);
        // Written objects wait in the pipe stream's buffer until the flush after writeObject; reads
        // fill the buffer from the pipe inside readObject.
        assertThat(serialization).anySatisfy(e -> {
            assertThat(e.getString("direction")).isEqualTo("write");
            assertThat(e.getString("site")).startsWith("paragent.testapps.PipesApp.send(");
        }).anySatisfy(e -> {
            assertThat(e.getString("direction")).isEqualTo("read");
            assertThat(e.getLong("channelId")).isEqualTo(stdout);
            assertThat(e.getLong("channelBytes")).isPositive();
            assertThat(e.getLong("channelNanos")).isPositive().isLessThanOrEqualTo(e.getLong("nanos"));
            assertThat(e.getString("site")).startsWith("paragent.testapps.PipesApp.receive(");
        });
    }

    @Test
    void aChildJvmRecordsItsOwnStdinAndStdoutPipes() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process child = new ProcessBuilder(ForkedJvm.command("out=" + out, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.EchoChild")).start();
        byte[] sent = new byte[20_000];
        Arrays.fill(sent, (byte) 'x');
        Thread writer = new Thread(() -> {
            try (OutputStream stdin = child.getOutputStream()) {
                stdin.write(sent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        byte[] echoed;
        try (InputStream stdout = child.getInputStream()) {
            echoed = stdout.readAllBytes();
        }
        writer.join();
        child.getErrorStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(echoed).isEqualTo(sent);

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        List<RecordedEvent> opens = ofType(events, "paragent.ChannelOpen");
        assertThat(opens).extracting(e -> e.getString("stream")).containsExactlyInAnyOrder("stdin", "stdout", "stderr");
        assertThat(opens).allSatisfy(open -> {
            assertThat(open.getString("side")).isEqualTo("child");
            assertThat(open.getLong("peerPid")).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(sum(events, channel(opens, "stdin"), e -> e.getLong("bytesRead"))).isEqualTo(sent.length);
        assertThat(sum(events, channel(opens, "stdout"), e -> e.getLong("bytesWritten"))).isEqualTo(sent.length);
    }

    @Test
    void socketsCountBytesOnBothEndsAndTheirAddressesMatch() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result with = runBoth("paragent.testapps.SocketsApp", out);
        assertThat(with.stdout()).contains("server got 10000", "client got 5000", "nio server got 3000");

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        List<RecordedEvent> opens = ofType(events, "paragent.ChannelOpen").stream()
                .filter(e -> e.getString("kind").equals("socket")).toList();
        assertThat(opens).hasSize(4).allSatisfy(open -> {
            assertThat(open.getString("localAddress")).startsWith("127.0.0.1:");
            assertThat(open.getString("remoteAddress")).startsWith("127.0.0.1:");
        });
        List<RecordedEvent> clients = opens.stream().filter(e -> e.getString("side").equals("client")).toList();
        List<RecordedEvent> servers = opens.stream().filter(e -> e.getString("side").equals("server")).toList();
        assertThat(clients).hasSize(2);
        assertThat(servers).hasSize(2);
        long[] expectedClientWritten = {10_000, 3_000};
        long[] expectedClientRead = {5_000, 0};
        for (int i = 0; i < 2; i++) {
            RecordedEvent client = clients.get(i);
            RecordedEvent server = servers.stream()
                    .filter(s -> s.getString("remoteAddress").equals(client.getString("localAddress")))
                    .findFirst().orElseThrow();
            assertThat(server.getString("localAddress")).isEqualTo(client.getString("remoteAddress"));
            assertThat(server.getDuration()).isPositive();
            assertThat(client.getDuration()).isPositive();
            long clientId = client.getLong("channelId");
            long serverId = server.getLong("channelId");
            assertThat(sum(events, clientId, e -> e.getLong("bytesWritten"))).isEqualTo(expectedClientWritten[i]);
            assertThat(sum(events, clientId, e -> e.getLong("bytesRead"))).isEqualTo(expectedClientRead[i]);
            assertThat(sum(events, serverId, e -> e.getLong("bytesRead"))).isEqualTo(expectedClientWritten[i]);
            assertThat(sum(events, serverId, e -> e.getLong("bytesWritten"))).isEqualTo(expectedClientRead[i]);
        }
    }

    @Test
    void fileLockWaitsOnAnotherProcessAndMappingsAreRecorded() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path file = dir.resolve("shared.bin");
        ForkedJvm.Result with = runBoth("paragent.testapps.FileLocksApp", out, file.toString());
        assertThat(with.stdout()).contains("counter=3", "tryLock acquired");

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        List<RecordedEvent> waits = ofType(events, "paragent.FileLockWait");
        assertThat(waits).hasSize(3).allSatisfy(wait -> {
            assertThat(wait.getString("path")).isEqualTo(file.toString());
            assertThat(wait.getBoolean("shared")).isFalse();
            assertThat(wait.getDuration().toMillis()).isPositive();
            assertThat(Stacks.firstApplicationMethod(wait)).isEqualTo("paragent.testapps.FileLocksApp.main");
        });
        List<RecordedEvent> summaries = ofType(events, "paragent.FileLockSummary");
        assertThat(summaries).allSatisfy(s -> assertThat(s.getString("path")).isEqualTo(file.toString()));
        assertThat(summaries.stream().mapToLong(s -> s.getLong("acquisitions")).sum()).isEqualTo(4);
        assertThat(summaries.stream().mapToLong(s -> s.getLong("waits")).sum()).isEqualTo(3);
        assertThat(summaries.stream().mapToLong(s -> s.getLong("holdNanos")).sum()).isPositive();
        assertThat(summaries).allSatisfy(s -> assertThat(s.getString("histogram")).isNotEmpty());

        RecordedEvent mapped = ofType(events, "paragent.MappedFile").get(0);
        assertThat(mapped.getString("path")).isEqualTo(file.toString());
        assertThat(mapped.getString("mode")).isEqualTo("READ_WRITE");
        assertThat(mapped.getLong("size")).isEqualTo(4_096);
        assertThat(mapped.getLong("position")).isZero();
    }

    /** Runs the program without and with the agent; its output must be the same. */
    private ForkedJvm.Result runBoth(String mainClass, Path out, String... args) throws Exception {
        ForkedJvm.Result without = ForkedJvm.run(ForkedJvm.command(null, ForkedJvm.TEST_CLASSES.toString(),
                mainClass, args), dir);
        if (args.length > 0) {
            Files.deleteIfExists(Path.of(args[0]));
        }
        ForkedJvm.Result with = ForkedJvm.run(ForkedJvm.command("out=" + out, ForkedJvm.TEST_CLASSES.toString(),
                mainClass, args), dir);
        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(with.stdout()).isEqualTo(without.stdout());
        return with;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static long channel(List<RecordedEvent> opens, String stream) {
        return opens.stream().filter(e -> stream.equals(e.getString("stream"))).findFirst().orElseThrow()
                .getLong("channelId");
    }

    private static long sum(List<RecordedEvent> events, long channelId, ToLongFunction<RecordedEvent> field) {
        return ofType(events, "paragent.ChannelSummary").stream().filter(e -> e.getLong("channelId") == channelId)
                .mapToLong(field).sum();
    }

    private static List<String> frames(RecordedEvent event) {
        return event.getStackTrace().getFrames().stream()
                .map((RecordedFrame f) -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                .toList();
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }
}
