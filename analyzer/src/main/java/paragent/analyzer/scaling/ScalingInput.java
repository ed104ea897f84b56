package paragent.analyzer.scaling;

import java.nio.file.Path;
import java.util.List;

/**
 * One run of the program at one thread count: its recordings (one per JVM of the run's process
 * tree; the root's first) and what the runner saw around it. Immutable.
 *
 * @param threads the thread count the run was asked for ({@code {threads}})
 * @param recordings the run's {@code .jfr} files, at least one
 * @param foreignCores CPU used by other processes on the machine during the run, in cores on
 *     average ({@code /proc/stat} busy time minus the run's own CPU time, over its wall time);
 *     null when unknown (recordings made elsewhere)
 */
public record ScalingInput(int threads, List<Path> recordings, Double foreignCores) {

    public ScalingInput {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1: " + threads);
        }
        recordings = List.copyOf(recordings);
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one recording");
        }
    }
}
