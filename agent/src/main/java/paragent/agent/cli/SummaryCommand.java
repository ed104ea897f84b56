package paragent.agent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.text.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code summary REC.jfr...}: the verdict and the top findings as text, of one recording or of
 * several JVMs' recordings merged into a process tree, ending with where the full report is.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the verdict and the top findings of JFR recordings in the terminal. Several "
                + "recordings (the JVMs of one run) are merged into one process tree.")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "REC.jfr", description = "The recordings to analyze.")
    private List<Path> recordings;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try {
            String text = recordings.size() == 1
                    ? TextRenderer.summary(Analyzer.analyze(recordings.get(0)), fullReport())
                    : TextRenderer.summary(Analyzer.analyzeAll(recordings), fullReport());
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RecordingException e) {
            return Main.failed(spec, e);
        }
    }

    /** The HTML report beside the first recording when there is one, else the command that writes it. */
    private String fullReport() {
        Path html = ReportCommand.defaultHtml(recordings.get(0));
        if (Files.isRegularFile(html)) {
            return html.toString();
        }
        StringBuilder command = new StringBuilder("paragent report");
        recordings.forEach(r -> command.append(' ').append(r));
        return command.append(" (writes ").append(html).append(')').toString();
    }
}
