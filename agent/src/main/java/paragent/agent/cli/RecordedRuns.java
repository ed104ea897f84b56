package paragent.agent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.scaling.ScalingInput;

/**
 * The runs of {@code scale REC.jfr...}: recordings made elsewhere, one run each, with their thread
 * counts given or read from the recorded command line. Stateless; thread-safe.
 */
final class RecordedRuns {

    private RecordedRuns() {
    }

    /**
     * @param recordings one per run, in the order they ran
     * @param counts the thread count of each recording, in the same order; empty to read them from the recordings
     * @return one input per recording; the machine's load during them is unknown
     * @throws RecordingException when a recording must be read for its count and cannot be
     */
    static List<ScalingInput> of(List<Path> recordings, List<Integer> counts) throws RecordingException {
        List<ScalingInput> inputs = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            Path recording = recordings.get(i);
            int threads = counts.isEmpty() ? recordedThreads(Analyzer.analyze(recording)) : counts.get(i);
            inputs.add(new ScalingInput(threads, List.of(recording), null));
        }
        return inputs;
    }

    /** @return the {@code --threads N} or {@code -t N} of the recorded command line, else the worker-thread count */
    static int recordedThreads(Analysis analysis) {
        Integer argument = threadsArgument(analysis.jvm().command());
        return argument != null ? argument : Math.max(1, analysis.workerThreads());
    }

    /**
     * @param command a command line, or null
     * @return the value of its {@code --threads N}, {@code --threads=N} or {@code -t N}, or null when it has none
     */
    static Integer threadsArgument(String command) {
        if (command == null) {
            return null;
        }
        String[] words = command.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String value = null;
            if ((words[i].equals("--threads") || words[i].equals("-t")) && i + 1 < words.length) {
                value = words[i + 1];
            } else if (words[i].startsWith("--threads=")) {
                value = words[i].substring("--threads=".length());
            }
            if (value != null && value.matches("[1-9]\\d{0,5}")) {
                return Integer.parseInt(value);
            }
        }
        return null;
    }
}
