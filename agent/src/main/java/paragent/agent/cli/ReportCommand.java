package paragent.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.ReportFiles;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.render.text.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report REC.jfr [-o x.html] [--json x.json]}: the HTML report and JSON summary of a recording. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyze a JFR recording (paragent's or a plain -XX:StartFlightRecording one) "
                + "and write the HTML report and, if asked, the JSON summary.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REC.jfr", description = "The recording to analyze.")
    private Path recording;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the HTML report (default: the recording's name with .html).")
    private Path html;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the JSON summary here.")
    private Path json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(recording);
        } catch (RecordingException e) {
            spec.commandLine().getErr().println("paragent: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        Path htmlTarget = html != null ? html : defaultHtml(recording);
        try {
            ReportFiles.writeAtomically(htmlTarget, w -> HtmlReportRenderer.render(analysis, w));
            if (json != null) {
                ReportFiles.writeAtomically(json, w -> JsonSummaryRenderer.render(analysis, w));
            }
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("paragent: cannot write the report: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        spec.commandLine().getOut().println(TextRenderer.exitLine(analysis, htmlTarget.toAbsolutePath()));
        return 0;
    }

    private static Path defaultHtml(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
        Path parent = recording.toAbsolutePath().getParent();
        return parent.resolve(base + ".html");
    }
}
