package paragent.testapps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Starts child processes every way the JDK offers and prints what each did, the same with or
 * without an agent: {@code true}, {@code sh -c 'exit 3'}, a CPU-burning shell loop through
 * {@code ProcessBuilder} and through {@code Runtime.exec}, a two-stage pipeline, a program that
 * does not exist, and a {@code sleep} left running when the program ends.
 */
public final class ProcessesApp {

    static final String BUSY_LOOP = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    private ProcessesApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("true exit=" + new ProcessBuilder("true").start().waitFor());
        System.out.println("exit3 exit=" + new ProcessBuilder("sh", "-c", "exit 3").start().waitFor());
        System.out.println("busy exit=" + new ProcessBuilder("sh", "-c", BUSY_LOOP).start().waitFor());
        System.out.println("exec exit=" + Runtime.getRuntime().exec(new String[] {"sh", "-c", BUSY_LOOP}).waitFor());
        List<Process> pipeline = ProcessBuilder.startPipeline(
                List.of(new ProcessBuilder("echo", "piped"), new ProcessBuilder("cat")));
        Process last = pipeline.get(pipeline.size() - 1);
        System.out.print("pipeline=" + new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        for (Process stage : pipeline) {
            stage.waitFor();
        }
        try {
            new ProcessBuilder("/nonexistent/paragent-no-such-program").start();
            System.out.println("missing started");
        } catch (IOException e) {
            System.out.println("missing failed");
        }
        new ProcessBuilder("sleep", "3").start();
        System.out.println("sleep left running");
    }
}
