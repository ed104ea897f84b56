package paragent.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/**
 * What {@code check} holds budgets against, read from its input by content: JFR recordings
 * (analyzed together, as process trees; a directory stands for the recordings in it), a
 * {@code paragent/summary@1} or a {@code paragent/scale@1} JSON file. Immutable.
 *
 * @param findings the findings to hold share and lost-time budgets against
 * @param efficiencies per thread count above 1 its parallel efficiency, ascending; null when the input is not a
 *     scale report
 */
record CheckInput(List<Item> findings, Map<Integer, Double> efficiencies) {

    static final String SUMMARY_SCHEMA = "paragent/summary@1";
    static final String SCALE_SCHEMA = "paragent/scale@1";
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    /** An input that cannot be read: the message is one line saying what is wrong and what to do. */
    static final class UnreadableException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * One finding as the budgets see it.
     *
     * @param kind the finding kind's name
     * @param share its share of the worker-thread time
     * @param lostThreadSeconds its lost worker-thread seconds
     * @param place where it is ({@code where}, else the subject), or null
     */
    record Item(String kind, double share, double lostThreadSeconds, String place) {
    }

    CheckInput {
        findings = List.copyOf(findings);
        efficiencies = efficiencies == null ? null : Collections.unmodifiableMap(new TreeMap<>(efficiencies));
    }

    /** @return whether the input was a scale report */
    boolean isScale() {
        return efficiencies != null;
    }

    /** @param given recordings or directories of recordings (an agent's {@code out}), or one JSON file */
    static CheckInput read(List<Path> given) throws UnreadableException {
        List<Path> inputs = expandDirectories(given);
        List<Path> recordings = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new UnreadableException(input + " does not exist or is not a file");
            }
            if (isRecording(input)) {
                recordings.add(input);
            }
        }
        if (recordings.size() == inputs.size()) {
            return ofRecordings(recordings);
        }
        if (inputs.size() > 1) {
            throw new UnreadableException("check takes one JSON report, or JFR recordings only: "
                    + inputs.stream().filter(p -> !recordings.contains(p)).findFirst().orElseThrow()
                    + " is not a recording");
        }
        return ofJson(inputs.get(0));
    }

    private static List<Path> expandDirectories(List<Path> given) throws UnreadableException {
        List<Path> inputs = new ArrayList<>();
        for (Path input : given) {
            if (!Files.isDirectory(input)) {
                inputs.add(input);
                continue;
            }
            try (Stream<Path> files = Files.list(input)) {
                List<Path> recordings = files.filter(f -> f.getFileName().toString().endsWith(".jfr")).sorted().toList();
                if (recordings.isEmpty()) {
                    throw new UnreadableException(input + " holds no .jfr recording: run the program with the agent's "
                            + "jfr option and out=" + input);
                }
                inputs.addAll(recordings);
            } catch (IOException e) {
                throw new UnreadableException("cannot list " + input + ": " + e.getMessage());
            }
        }
        return inputs;
    }

    private static boolean isRecording(Path input) throws UnreadableException {
        try (InputStream in = Files.newInputStream(input)) {
            return Arrays.equals(in.readNBytes(JFR_MAGIC.length), JFR_MAGIC);
        } catch (IOException e) {
            throw new UnreadableException("cannot read " + input + ": " + e.getMessage());
        }
    }

    private static CheckInput ofRecordings(List<Path> recordings) throws UnreadableException {
        try {
            MultiAnalysis analysis = Analyzer.analyzeAll(recordings);
            List<Item> items = new ArrayList<>();
            for (ProcessTree run : analysis.runs()) {
                for (Finding f : run.findings()) {
                    items.add(new Item(f.kind().name(), f.share(), f.lostThreadSeconds(),
                            f.where() != null ? f.where() : f.subject()));
                }
            }
            return new CheckInput(items, null);
        } catch (RecordingException e) {
            throw new UnreadableException(e.getMessage());
        }
    }

    private static CheckInput ofJson(Path file) throws UnreadableException {
        Object json;
        try {
            json = JsonReader.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreadableException("cannot read " + file + ": " + e.getMessage());
        } catch (JsonReader.JsonException e) {
            throw foreign(file, "not JSON (" + e.getMessage() + ")");
        }
        Object schema = json instanceof Map<?, ?> map ? map.get("schema") : null;
        if (!SUMMARY_SCHEMA.equals(schema) && !SCALE_SCHEMA.equals(schema)) {
            throw foreign(file, schema == null ? "JSON without a paragent schema" : "schema " + schema);
        }
        Map<?, ?> report = (Map<?, ?>) json;
        try {
            return new CheckInput(items(report), SCALE_SCHEMA.equals(schema) ? efficiencies(report) : null);
        } catch (ClassCastException | NullPointerException e) {
            throw new UnreadableException(file + " is a damaged " + schema + " report (a field is missing or of the "
                    + "wrong type): write it again with paragent");
        }
    }

    private static List<Item> items(Map<?, ?> report) {
        List<Item> items = new ArrayList<>();
        for (Object element : (List<?>) report.get("findings")) {
            Map<?, ?> f = (Map<?, ?>) element;
            Object place = f.get("where") != null ? f.get("where") : f.get("subject");
            items.add(new Item((String) f.get("kind"), (Double) f.get("share"), (Double) f.get("lostThreadSeconds"),
                    (String) place));
        }
        return items;
    }

    private static Map<Integer, Double> efficiencies(Map<?, ?> report) {
        Map<Integer, Double> efficiencies = new TreeMap<>();
        for (Object element : (List<?>) report.get("counts")) {
            Map<?, ?> count = (Map<?, ?>) element;
            int threads = ((Double) count.get("threads")).intValue();
            if (threads > 1 && count.get("efficiency") != null) {
                efficiencies.put(threads, (Double) count.get("efficiency"));
            }
        }
        return efficiencies;
    }

    private static UnreadableException foreign(Path file, String what) {
        return new UnreadableException(file + " is " + what + ": check reads a JFR recording or paragent's JSON ("
                + SUMMARY_SCHEMA + " from report --json, " + SCALE_SCHEMA + " from scale)");
    }
}
