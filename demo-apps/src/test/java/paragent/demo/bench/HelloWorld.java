package paragent.demo.bench;

/**
 * The smallest program the overhead harness runs: prints one line and exits, so that a run with the
 * agent minus a run without it is the agent's start-up and exit-report cost and nothing else.
 * Stateless.
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
