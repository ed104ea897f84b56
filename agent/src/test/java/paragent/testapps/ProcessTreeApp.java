package paragent.testapps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A tree of three JVMs that talk over pipes, printing the same with or without an agent: the
 * root ({@code 0}) starts a child JVM ({@code 1}) which starts a grandchild JVM ({@code 2}), each
 * as {@code <java.home>/bin/java -cp <java.class.path> ProcessTreeApp <depth> <dir>}. The root
 * sends three lines down its child's stdin; the child forwards each to the grandchild and passes
 * the answer up, prefixed. Each child's stderr goes to {@code <dir>/stderr-<depth>.txt}, so a test
 * can see what a child printed there. The root also runs {@code echo not java}, a child that is not
 * a JVM.
 */
public final class ProcessTreeApp {

    private ProcessTreeApp() {
    }

    public static void main(String[] args) throws Exception {
        int depth = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        if (depth == 2) {
            answer(line -> "grandchild got " + line);
            return;
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProcessTreeApp.class.getName(),
                String.valueOf(depth + 1), dir.toString())
                .redirectError(dir.resolve("stderr-" + (depth + 1) + ".txt").toFile())
                .start();
        try (Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader fromChild = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            if (depth == 1) {
                answer(line -> "child passes on '" + ask(toChild, fromChild, line) + "'");
            } else {
                for (int i = 1; i <= 3; i++) {
                    System.out.println("root got '" + ask(toChild, fromChild, "line " + i) + "'");
                }
            }
        }
        int exit = child.waitFor();
        if (depth == 0) {
            System.out.println("child exit=" + exit);
            Process echo = new ProcessBuilder("echo", "not", "java").start();
            System.out.print("echo: " + new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            System.out.println("echo exit=" + echo.waitFor());
        }
    }

    /** Sends one line to the child and returns its one-line answer. */
    private static String ask(Writer toChild, BufferedReader fromChild, String line) {
        try {
            toChild.write(line + "\n");
            toChild.flush();
            return fromChild.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers each line of stdin on stdout until stdin ends. */
    private static void answer(java.util.function.UnaryOperator<String> reply) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            System.out.println(reply.apply(line));
            System.out.flush();
        }
    }
}
