package paragent.testapps;

/**
 * A small program with some real lock contention that ends in the way its first argument says:
 * {@code normal}, {@code exit} (System.exit(3)), {@code throw} (uncaught exception) or
 * {@code sleep3} (idles 3 s, then ends) or {@code wait} (waits to be killed).
 */
public final class ExitingApp {

    private ExitingApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("counter=" + new ContendedCounter().run(2, 200_000));
        switch (args.length > 0 ? args[0] : "normal") {
            case "exit":
                System.exit(3);
                break;
            case "throw":
                throw new IllegalStateException("planned failure");
            case "sleep3":
                Thread.sleep(3_000);
                break;
            case "wait":
                System.out.println("waiting");
                System.out.flush();
                Thread.sleep(120_000);
                break;
            default:
                break;
        }
    }
}
