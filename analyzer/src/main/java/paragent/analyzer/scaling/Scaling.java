package paragent.analyzer.scaling;

import java.util.List;
import paragent.analyzer.RecordingException;

/**
 * Entry point of the scaling analysis: analyzes runs of one program at several thread counts and
 * explains the missing speedup. Stateless; thread-safe.
 */
public final class Scaling {

    /** A run during which other processes used more than this many cores on average is disturbed. */
    public static final double DISTURBED_FOREIGN_CORES = 0.25;

    private Scaling() {
    }

    /**
     * @param command the command that was run, or null
     * @param inputs the runs, in the order they ran; at least one at 1 thread
     * @return the analysis
     * @throws RecordingException with a one-line message when a recording cannot be analyzed or no
     *     run at 1 thread was given
     */
    public static ScalingReport analyze(String command, List<ScalingInput> inputs) throws RecordingException {
        throw new UnsupportedOperationException("scaling analysis: being written (issue 7)");
    }
}
