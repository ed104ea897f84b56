package paragent.agent.bootstrap;

import java.util.function.Consumer;

/**
 * Called by the advice woven into {@code Thread.exit()}, in the exiting thread, so that the
 * agent can record a thread's final totals before they become unreadable. Never throws.
 */
public final class ThreadExits {

    private static volatile Consumer<Thread> listener;

    private ThreadExits() {
    }

    /** Starts delivering thread exits to {@code newListener}; null stops it. */
    public static void install(Consumer<Thread> newListener) {
        listener = newListener;
    }

    /** Called by the exiting thread itself. */
    public static void onExit(Thread exiting) {
        try {
            Consumer<Thread> current = listener;
            if (current != null) {
                current.accept(exiting);
            }
        } catch (Throwable t) {
            HookFailures.report("thread exit recording", t);
            // A thread's exit must never fail because of the agent.
        }
    }
}
