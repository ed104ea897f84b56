package paragent.analyzer.load;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Finds and formats the application's frame in a recorded stack. Stateless; thread-safe.
 *
 * <p>Application code is everything outside {@link #NON_APPLICATION_PREFIXES}; in particular
 * {@code paragent.demo.*} and other {@code paragent.*} packages are application code, only the
 * agent's own {@code paragent.agent.*} and the libraries it relocates under {@code paragent.shaded.*}
 * are not.
 */
final class Frames {

    /** Packages whose frames are never the application's. */
    static final List<String> NON_APPLICATION_PREFIXES =
            List.of("java.", "jdk.", "sun.", "com.sun.", "paragent.agent.", "paragent.shaded.");

    private Frames() {
    }

    /** @return the top application frame as {@code pkg.Class.method(File.java:line)}, or null */
    static String firstApplicationFrame(RecordedStackTrace stack) {
        return firstApplicationFrame(stack, null);
    }

    /**
     * The top application frame outside a lock's own implementation: frames of {@code lockClass}
     * and of its nested classes are skipped, so a wait inside {@code app.Gil.acquire()} is reported
     * at the line that called {@code acquire}. When every application frame belongs to the lock,
     * the top one is returned.
     *
     * @param lockClass the lock's class, or null to skip nothing
     * @return the frame as {@code pkg.Class.method(File.java:line)}, or null
     */
    static String firstApplicationFrame(RecordedStackTrace stack, String lockClass) {
        if (stack == null) {
            return null;
        }
        String insideLock = null;
        for (RecordedFrame frame : stack.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (!isJavaMethod(frame)) {
                continue;
            }
            String className = method.getType().getName();
            if (isApplicationClass(className)) {
                String formatted = format(className, method.getName(), frame.getLineNumber());
                if (!belongsTo(className, lockClass)) {
                    return formatted;
                }
                if (insideLock == null) {
                    insideLock = formatted;
                }
            }
        }
        return insideLock;
    }

    /** @return true when {@code className} is {@code lockClass} or one of its nested classes */
    static boolean belongsTo(String className, String lockClass) {
        return lockClass != null && (className.equals(lockClass) || className.startsWith(lockClass + "$"));
    }

    /**
     * The methods on a stack as {@code pkg.Class.method}, top first, each string taken from
     * {@code interned} so that samples share them.
     */
    /** Frames that mean a pool worker is parked waiting for its next task. */
    private static final List<String> IDLE_POOL_METHODS = List.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take");

    /** Frames that mean a task is being handed to or taken from a pool's queue. */
    private static final List<String> POOL_HAND_OFF_METHODS = List.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ThreadPoolExecutor.execute",
            "java.util.concurrent.ScheduledThreadPoolExecutor.delayedExecute",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take");

    /** @return true when the stack is a pool worker parked waiting for a task */
    static boolean isIdlePoolWorker(RecordedStackTrace stack) {
        return passesThrough(stack, IDLE_POOL_METHODS);
    }

    /** @return true when the stack is inside a pool's task hand-off (submitting, or taking the next task) */
    static boolean isPoolHandOff(RecordedStackTrace stack) {
        return passesThrough(stack, POOL_HAND_OFF_METHODS);
    }

    private static boolean passesThrough(RecordedStackTrace stack, List<String> methods) {
        if (stack == null) {
            return false;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod() == null) {
                continue;
            }
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            if (methods.contains(method)) {
                return true;
            }
        }
        return false;
    }

    static String[] methods(RecordedStackTrace stack, Map<String, String> interned) {
        if (stack == null) {
            return new String[0];
        }
        List<RecordedFrame> frames = stack.getFrames();
        String[] methods = new String[frames.size()];
        int n = 0;
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (!isJavaMethod(frame)) {
                continue;
            }
            String name = method.getType().getName() + "." + method.getName();
            methods[n++] = interned.computeIfAbsent(name, k -> k);
        }
        return n == methods.length ? methods : Arrays.copyOf(methods, n);
    }

    /**
     * The application line that called the {@code synchronized} method on top of a monitor wait's
     * stack. Where the compiler inlined that method, it enters the monitor at the call: JDK 25's
     * sampler shows a thread spinning there on top of the caller's frame, at the line of the call
     * ({@code montecarlo}: 258 of 295 samples at {@code SharedCounterSampler.sampleBlock}'s call of
     * the synchronized {@code HitCounter.increment}, 10 inside it).
     *
     * @return the caller as {@code pkg.Class.method(File.java:line)}; null when the top method is
     *     not synchronized or its caller is not application code
     */
    static String callerOfSynchronizedMethod(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        boolean pastTop = false;
        for (RecordedFrame frame : stack.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (!isJavaMethod(frame)) {
                continue;
            }
            if (!pastTop) {
                if (!Modifier.isSynchronized(method.getModifiers())) {
                    return null;
                }
                pastTop = true;
                continue;
            }
            String className = method.getType().getName();
            return isApplicationClass(className) ? format(className, method.getName(), frame.getLineNumber()) : null;
        }
        return null;
    }

    /** @return true for a Java frame whose method and class are known */
    private static boolean isJavaMethod(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method != null && method.getType() != null && frame.isJavaFrame();
    }

    /** @return {@code pkg.Class.method} of a frame formatted by {@link #format}, or the input without a '(' */
    static String methodOf(String formattedFrame) {
        int paren = formattedFrame.indexOf('(');
        return paren < 0 ? formattedFrame : formattedFrame.substring(0, paren);
    }

    static boolean isApplicationClass(String className) {
        for (String prefix : NON_APPLICATION_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Formats like a Java stack trace line; the file is the outermost class's simple name. */
    static String format(String className, String methodName, int line) {
        int lastDot = className.lastIndexOf('.');
        String simple = className.substring(lastDot + 1);
        int dollar = simple.indexOf('$');
        String outer = dollar > 0 ? simple.substring(0, dollar) : simple;
        String location = line > 0 ? outer + ".java:" + line : outer + ".java";
        return className + "." + methodName + "(" + location + ")";
    }
}
