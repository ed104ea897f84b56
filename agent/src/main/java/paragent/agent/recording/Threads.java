package paragent.agent.recording;

import java.util.Arrays;

/** Enumerates live platform threads without taking their stacks. Stateless, thread-safe. */
final class Threads {

    private Threads() {
    }

    static Thread[] live() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        return Arrays.copyOf(all, n);
    }
}
