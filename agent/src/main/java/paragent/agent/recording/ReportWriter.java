package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Turns the finished recording into the reports the options ask for and prints the exit line.
 * Each report is written to a temporary file and renamed, so a report is either whole or absent;
 * a report that fails does not stop the others. Runs at most once per recording.
 *
 * <p>A child JVM started under the {@code children} option writes nothing here: its recording is
 * the whole of its output, and skipping the analysis keeps its exit fast. A JVM with
 * {@code children} on first gathers its descendants' recordings ({@link ChildRecordings}).
 */
final class ReportWriter {

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
        if (lineage.child()) {
            return;
        }
        Analysis analysis;
        try {
            ChildRecordings.Found descendants = options.children()
                    ? ChildRecordings.of(recording, outDir, lineage.runId())
                    : null;
            analysis = descendants == null || descendants.isEmpty() ? Analyzer.analyze(recording)
                    : analyzeTree(recording, descendants);
        } catch (RecordingException e) {
            Log.line("could not analyze the recording: " + e.getMessage() + " (kept at " + recording.toAbsolutePath() + ")");
            return;
        } catch (RuntimeException | Error e) {
            Log.failure("the analysis of " + recording.toAbsolutePath() + " failed", e);
            return;
        }
        Path html = outDir.resolve(baseName + ".html");
        Path json = outDir.resolve(baseName + ".json");
        boolean htmlWritten = options.html() && write(html, "HTML report",
                w -> HtmlReportRenderer.render(analysis, w));
        if (options.json()) {
            write(json, "JSON summary", w -> JsonSummaryRenderer.render(analysis, w));
        }
        if (!options.jfr()) {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                Log.line("could not delete the recording " + recording.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        if (!options.quiet()) {
            Path shown = htmlWritten ? html : options.json() ? json : recording;
            Log.lineRaw(TextRenderer.exitLine(analysis, shown.toAbsolutePath()));
        }
    }

    /**
     * The analysis of this JVM and its descendants. For now only this JVM's recording is analyzed
     * (as without {@code children}), and the descendants' recordings and warnings are not yet
     * reported.
     */
    private static Analysis analyzeTree(Path recording, ChildRecordings.Found descendants) throws RecordingException {
        // integration point: Analyzer.analyzeAll(recordings) with recording + descendants.recordings(),
        // its warnings joined by descendants.warnings(); the tree report replaces this analysis.
        return Analyzer.analyze(recording);
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
