package paragent.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.ReportFiles;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.render.text.TextRenderer;
import paragent.analyzer.tree.MultiAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report REC.jfr... [-o x.html] [--json x.json]}: the HTML report and JSON summary of one
 * recording, or of several JVMs' recordings merged into process trees.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyze JFR recordings (paragent's or plain -XX:StartFlightRecording ones) and write the "
                + "HTML report and, if asked, the JSON summary. Several recordings (the JVMs of one run, and "
                + "optionally a second run to compare) are merged into one process-tree report.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "REC.jfr", description = "The recordings to analyze.")
    private List<Path> recordings;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the HTML report (default: the first recording's name with .html).")
    private Path html;

    @Option(names = "--json", paramLabel = "FILE.json",
            description = "Also write the JSON summary here (one recording only).")
    private Path json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path htmlTarget = html != null ? html : defaultHtml(recordings.get(0));
        try {
            return recordings.size() == 1 ? reportOne(htmlTarget) : reportTree(htmlTarget);
        } catch (RecordingException | IOException e) {
            return Main.failed(spec, e);
        }
    }

    private int reportOne(Path htmlTarget) throws RecordingException, IOException {
        Analysis analysis = Analyzer.analyze(recordings.get(0));
        // A partial report is still a report; the damage must not go unnoticed in a script's log.
        analysis.warnings().stream().filter(Analyzer::isDamagedInput)
                .forEach(w -> spec.commandLine().getErr().println("paragent: warning: " + w));
        ReportFiles.writeAtomically(htmlTarget, w -> HtmlReportRenderer.render(analysis, w));
        if (json != null) {
            ReportFiles.writeAtomically(json, w -> JsonSummaryRenderer.render(analysis, w));
        }
        TextRenderer.exitLines(analysis, htmlTarget.toAbsolutePath()).forEach(spec.commandLine().getOut()::println);
        return 0;
    }

    private int reportTree(Path htmlTarget) throws RecordingException, IOException {
        MultiAnalysis analysis = Analyzer.analyzeAll(recordings);
        ReportFiles.writeAtomically(htmlTarget, w -> HtmlReportRenderer.render(analysis, w));
        if (json != null) {
            ReportFiles.writeAtomically(json, w -> JsonSummaryRenderer.render(analysis, w));
        }
        TextRenderer.exitLines(analysis, htmlTarget.toAbsolutePath()).forEach(spec.commandLine().getOut()::println);
        return 0;
    }

    /** @return where {@code report} writes the HTML of {@code recording} by default: beside it, ending in .html */
    static Path defaultHtml(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
        Path parent = recording.toAbsolutePath().getParent();
        return parent.resolve(base + ".html");
    }
}
