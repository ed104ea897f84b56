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
 */
final class ReportWriter {

    private final AgentOptions options;
    private final Path outDir;
    private final String baseName;

    ReportWriter(AgentOptions options, Path outDir, String baseName) {
        this.options = options;
        this.outDir = outDir;
        this.baseName = baseName;
    }

    /** Analyzes {@code recording} and writes the reports; failures become one line each. */
    void write(Path recording) {
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(recording);
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
