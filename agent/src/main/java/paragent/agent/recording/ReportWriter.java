package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import paragent.agent.AgentOptions;
import paragent.agent.internal.Log;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.IoWriterBody;
import paragent.analyzer.render.ReportFiles;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.render.text.TextRenderer;
import paragent.analyzer.tree.MultiAnalysis;

/**
 * Turns the finished recording into the reports the options ask for and prints the exit lines (the
 * top finding and the report, then findings 2 and 3; nothing under {@code quiet}).
 * Each report is written to a temporary file and renamed, so a report is either whole or absent;
 * a report that fails does not stop the others. Runs at most once per recording.
 *
 * <p>A child JVM started under the {@code children} option writes nothing here: its recording is
 * the whole of its output, and skipping the analysis keeps its exit fast. A JVM with
 * {@code children} on first gathers its descendants' recordings ({@link ChildRecordings}) and,
 * when it finds any, writes one process-tree report of them all.
 */
final class ReportWriter {

    /** Free space below which an unreadable recording is put down to a full disk. */
    static final long FULL_DISK_BYTES = 1L << 20;

    private final AgentOptions options;
    private final Path outDir;
    private final String baseName;
    private final RunLineage lineage;

    ReportWriter(AgentOptions options, Path outDir, String baseName, RunLineage lineage) {
        this.options = options;
        this.outDir = outDir;
        this.baseName = baseName;
        this.lineage = lineage;
    }

    /** Analyzes {@code recording} and writes the reports; failures become one line each. */
    void write(Path recording) throws InterruptedException {
        if (lineage.child() || nothingToWrite()) {
            return;
        }
        ChildRecordings.Found descendants = options.children()
                ? ChildRecordings.of(recording, outDir, lineage.runId())
                : null;
        if (descendants == null || descendants.isEmpty()) {
            writeSingle(recording);
        } else {
            writeTree(recording, descendants);
        }
    }

    /**
     * With {@code jfr,quiet} the recording is the whole output: no report to write and no line to
     * print, so the analysis (a second or more on a large recording) is skipped.
     */
    private boolean nothingToWrite() {
        return options.quiet() && !options.html() && !options.json();
    }

    private void writeSingle(Path recording) {
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(recording);
        } catch (RecordingException e) {
            Log.line("could not analyze the recording: " + fullDisk().orElse(e.getMessage()) + " (kept at "
                    + recording.toAbsolutePath() + ")");
            return;
        } catch (RuntimeException | Error e) {
            Log.failure("the analysis of " + recording.toAbsolutePath() + " failed", e);
            return;
        }
        Path shown = writeReports(w -> HtmlReportRenderer.render(analysis, w),
                w -> JsonSummaryRenderer.render(analysis, w), List.of(recording));
        if (!options.quiet()) {
            TextRenderer.exitLines(analysis, shown.toAbsolutePath()).forEach(Log::lineRaw);
        }
    }

    /** Why JFR wrote an incomplete recording when the output directory's disk is full; empty otherwise. */
    private Optional<String> fullDisk() {
        try {
            long freeBytes = Files.getFileStore(outDir).getUsableSpace();
            return freeBytes < FULL_DISK_BYTES
                    ? Optional.of("the disk of " + outDir.toAbsolutePath() + " is full (" + freeBytes / 1024
                            + " KiB free), so JFR could not write the whole recording")
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The report of this JVM and its descendants as one process tree; the descendants that could
     * not be found become warnings of the report.
     */
    private void writeTree(Path recording, ChildRecordings.Found descendants) {
        List<Path> recordings = new ArrayList<>();
        recordings.add(recording);
        recordings.addAll(descendants.recordings());
        MultiAnalysis analysis;
        try {
            MultiAnalysis merged = Analyzer.analyzeAll(recordings);
            List<String> warnings = new ArrayList<>(merged.warnings());
            warnings.addAll(descendants.warnings());
            analysis = new MultiAnalysis(merged.runs(), warnings);
        } catch (RecordingException e) {
            Log.line("could not analyze the process tree's recordings: " + e.getMessage()
                    + "; writing the report of this JVM alone");
            writeSingle(recording);
            return;
        } catch (RuntimeException | Error e) {
            Log.failure("the analysis of the process tree of " + recording.toAbsolutePath() + " failed", e);
            return;
        }
        Path shown = writeReports(w -> HtmlReportRenderer.render(analysis, w),
                w -> JsonSummaryRenderer.render(analysis, w), recordings);
        if (!options.quiet()) {
            TextRenderer.exitLines(analysis, shown.toAbsolutePath()).forEach(Log::lineRaw);
        }
    }

    /**
     * Writes the HTML and JSON reports the options ask for, deletes the recordings unless they
     * are to be kept, and returns the file the exit line names.
     */
    private Path writeReports(IoWriterBody htmlBody, IoWriterBody jsonBody, List<Path> recordings) {
        Path html = outDir.resolve(baseName + ".html");
        Path json = outDir.resolve(baseName + ".json");
        boolean htmlWritten = options.html() && write(html, "HTML report", htmlBody);
        if (options.json()) {
            write(json, "JSON summary", jsonBody);
        }
        if (!options.jfr()) {
            for (Path r : recordings) {
                try {
                    Files.deleteIfExists(r);
                } catch (IOException e) {
                    Log.line("could not delete the recording " + r.toAbsolutePath() + ": " + e.getMessage());
                }
            }
        }
        return htmlWritten ? html : options.json() ? json : recordings.get(0);
    }

    private static boolean write(Path target, String what, IoWriterBody body) {
        try {
            ReportFiles.writeAtomically(target, body);
            return true;
        } catch (IOException | RuntimeException e) {
            Log.line("could not write the " + what + " " + target.toAbsolutePath() + ": " + e.getMessage());
            return false;
        }
    }
}
