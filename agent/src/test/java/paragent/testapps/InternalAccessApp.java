package paragent.testapps;

/** Prints whether the application may call into {@code jdk.internal.misc}; it may not, normally. */
public final class InternalAccessApp {

    private InternalAccessApp() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
        try {
            unsafe.getMethod("getUnsafe").invoke(null);
            System.out.println("internal=accessible");
        } catch (IllegalAccessException e) {
            System.out.println("internal=denied");
        }
    }
}
