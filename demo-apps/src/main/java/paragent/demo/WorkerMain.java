package paragent.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import paragent.demo.processes.Worker;
import paragent.demo.processes.WorkerProcesses;

/**
 * Entry point of a worker JVM in a demo's process mode:
 * {@code java -cp demo-apps.jar paragent.demo.WorkerMain DEMO [ARGS]}, started by the demo with
 * {@link WorkerProcesses#builder}. Runs the demo's {@link Worker} on stdin and stdout until the
 * parent closes stdin; a failure prints one line on stderr and exits {@value DemoMain#EXIT_FAILURE},
 * an unknown demo exits {@value DemoMain#EXIT_USAGE}. Stateless.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /** Serves the parent and exits 0 when it closed stdin. */
    public static void main(String[] args) {
        Optional<Worker> worker = args.length == 0 ? Optional.empty() : Demos.byName(args[0]).flatMap(Demo::worker);
        if (worker.isEmpty()) {
            System.err.println("demo-apps worker: no process mode for '" + String.join(" ", args) + "'");
            System.exit(DemoMain.EXIT_USAGE);
        }
        List<String> workerArgs = Arrays.asList(args).subList(1, args.length);
        try {
            WorkerProcesses.serveStandardStreams(worker.get(), workerArgs);
        } catch (Throwable e) {
            System.err.println("demo-apps worker " + args[0] + " failed: " + e);
            System.exit(DemoMain.EXIT_FAILURE);
        }
    }
}
