package paragent.gpu.probe;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jocl.CLException;
import paragent.gpu.probe.ProbeOptions.UsageException;

/**
 * The probe's entry point, called reflectively by {@code paragent gpu-probe} from an isolated class
 * loader: parses the options, measures, writes the JSON and HTML asked for and prints a summary.
 * Exit codes: 0 measured; 1 an OpenCL call failed, the device computed wrongly or a file could not
 * be written; 2 bad usage, or no OpenCL (then exactly one line on stderr). Never calls
 * {@code System.exit}. Stateless; thread-safe, though the measurements of two concurrent runs would
 * disturb each other.
 */
public final class ProbeMain {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** What measures; the seam for tests of the outcomes without a device. */
    @FunctionalInterface
    interface Measurement {
        ProbeReport measure(ProbeOptions options) throws NoOpenClException, UsageException;
    }

    private ProbeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit code */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Probe::measure);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Measurement measurement) {
        try {
            ProbeOptions options = ProbeOptions.parse(args);
            if (options.help()) {
                out.println(ProbeOptions.USAGE);
                return 0;
            }
            ProbeReport report = measurement.measure(options);
            write(options.json(), ProbeJson.render(report));
            write(options.html(), ProbeHtml.render(report));
            out.print(ProbeText.render(report));
            out.flush();
            return 0;
        } catch (UsageException e) {
            err.println("paragent: gpu-probe: " + e.getMessage() + " (see 'paragent gpu-probe --help')");
            return EXIT_USAGE;
        } catch (NoOpenClException e) {
            err.println(NoOpenClException.LINE);
            return EXIT_USAGE;
        } catch (CLException e) {
            err.println("paragent: gpu-probe: OpenCL call failed: " + e.getMessage());
            return EXIT_FAILED;
        } catch (IllegalStateException e) {
            err.println("paragent: gpu-probe: " + e.getMessage());
            return EXIT_FAILED;
        } catch (IOException e) {
            err.println("paragent: gpu-probe: cannot write " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static void write(Path target, String text) throws IOException {
        if (target != null) {
            try {
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException(target + ": " + e.getClass().getSimpleName(), e);
            }
        }
    }
}
