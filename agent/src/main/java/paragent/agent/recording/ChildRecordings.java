package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragent.agent.bootstrap.ChildJvmAgents;
import paragent.analyzer.load.RecordingLineage;

/**
 * Finds the recordings of a JVM's descendants under the {@code children} option: the pids of the
 * recording's {@code paragent.ProcessSpawn} events whose program is {@code java} lead to
 * {@code <out>/paragent-<pid>.jfr}, which belongs to the tree when its {@code paragent.RunInfo}
 * has the same run id; grandchildren are found the same way in the children's recordings.
 *
 * <p>Children normally exit before their parent (their JVM's exit completes the file), so a
 * recording that is not there yet is waited for, at most {@link #WAIT} over the whole search; a
 * child still running then, or without a recording, becomes a warning. Used once, from the
 * thread that writes the reports (and by tests); each call is independent, thread-safe.
 */
public final class ChildRecordings {

    /** The longest the whole search waits for recordings that are not there yet. */
    static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(20);

    /**
     * @param recordings the descendants' recordings, parents before their children
     * @param warnings   one line per descendant JVM whose recording is missing or unreadable
     */
    public record Found(List<Path> recordings, List<String> warnings) {
        public boolean isEmpty() {
            return recordings.isEmpty() && warnings.isEmpty();
        }
    }

    private final Path outDir;
    private final String runId;
    private final long deadlineNanos;
    private final List<Path> recordings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ChildRecordings(Path outDir, String runId) {
        this.outDir = outDir;
        this.runId = runId;
        this.deadlineNanos = System.nanoTime() + WAIT.toNanos();
    }

    /**
     * The recordings of the descendants of the JVM that wrote {@code recording}, found in
     * {@code outDir} with run id {@code runId}. Never throws for a child's recording; an
     * unreadable {@code recording} itself gives no descendants and one warning.
     */
    public static Found of(Path recording, Path outDir, String runId) throws InterruptedException {
        ChildRecordings search = new ChildRecordings(outDir, runId);
        search.collect(recording);
        return new Found(List.copyOf(search.recordings), List.copyOf(search.warnings));
    }

    private void collect(Path root) throws InterruptedException {
        Set<Long> seen = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Path parent = pending.removeFirst();
            Map<Long, String> spawned;
            try {
                spawned = javaChildren(RecordingLineage.read(parent));
            } catch (IOException | RuntimeException e) {
                warnings.add("could not read the child processes in " + parent + ": " + e.getMessage());
                continue;
            }
            for (Map.Entry<Long, String> child : spawned.entrySet()) {
                if (seen.add(child.getKey())) {
                    Path found = childRecording(child.getKey(), child.getValue());
                    if (found != null) {
                        recordings.add(found);
                        pending.addLast(found);
                    }
                }
            }
        }
    }

    /** The child's recording when it is there (waiting up to the deadline) and of this run, else null. */
    private Path childRecording(long pid, String command) throws InterruptedException {
        Path file = outDir.resolve("paragent-" + pid + ".jfr");
        while (!Files.exists(file) && System.nanoTime() < deadlineNanos) {
            Thread.sleep(POLL.toMillis());
        }
        String who = "child JVM " + pid + " '" + command + "'";
        if (!Files.exists(file)) {
            warnings.add(who + " has no recording in " + outDir + " (still running after " + WAIT.toSeconds()
                    + " s, or it did not start the agent)");
            return null;
        }
        try {
            String childRunId = RecordingLineage.read(file).runId();
            if (!runId.equals(childRunId)) {
                warnings.add(who + ": " + file + " belongs to run " + childRunId + ", not " + runId);
                return null;
            }
            return file;
        } catch (IOException | RuntimeException e) {
            warnings.add(who + ": could not read " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** The java children of the recording: those the agent gave itself to under {@code children}. */
    private static Map<Long, String> javaChildren(RecordingLineage lineage) {
        Map<Long, String> java = new LinkedHashMap<>();
        lineage.spawned().forEach((pid, command) -> {
            int space = command.indexOf(' ');
            if (ChildJvmAgents.isJava(space < 0 ? command : command.substring(0, space))) {
                java.put(pid, command);
            }
        });
        return java;
    }
}
