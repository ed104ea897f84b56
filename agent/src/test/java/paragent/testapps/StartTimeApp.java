package paragent.testapps;

/**
 * Prints {@code System.nanoTime()} as its main method begins and exits: with a parent on the same
 * machine (one monotonic clock), the parent learns how long the JVM took from spawn to main.
 */
public final class StartTimeApp {

    private StartTimeApp() {
    }

    public static void main(String[] args) {
        System.out.println(System.nanoTime());
    }
}
