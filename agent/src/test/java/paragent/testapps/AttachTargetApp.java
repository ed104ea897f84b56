package paragent.testapps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A long-running program to attach the agent to: each line {@code work} on stdin runs two threads
 * contending for a lock and prints the counter; {@code quit} (or the end of stdin) ends it. Prints
 * {@code ready} first.
 */
public final class AttachTargetApp {

    private AttachTargetApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ContendedCounter counter = new ContendedCounter();
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            System.out.println("counter=" + counter.run(2, 200_000));
        }
    }
}
