package paragent.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.text.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code summary REC.jfr}: the verdict and the top findings as text. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the verdict and the top findings of a JFR recording in the terminal.")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REC.jfr", description = "The recording to analyze.")
    private Path recording;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().print(TextRenderer.summary(Analyzer.analyze(recording)));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RecordingException e) {
            return Main.failed(spec, e);
        }
    }
}
