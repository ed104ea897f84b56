package paragent.analyzer.load;

import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Finds and formats the application's frame in a recorded stack. Stateless; thread-safe.
 *
 * <p>Application code is everything outside {@link #NON_APPLICATION_PREFIXES}; in particular
 * {@code paragent.demo.*} and other {@code paragent.*} packages are application code, only the
 * agent's own {@code paragent.agent.*} is not.
 */
final class Frames {

    /** Packages whose frames are never the application's. */
    static final List<String> NON_APPLICATION_PREFIXES =
            List.of("java.", "jdk.", "sun.", "com.sun.", "paragent.agent.");

    private Frames() {
    }

    /** @return the top application frame as {@code pkg.Class.method(File.java:line)}, or null */
    static String firstApplicationFrame(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (method == null || method.getType() == null || !frame.isJavaFrame()) {
                continue;
            }
            String className = method.getType().getName();
            if (isApplicationClass(className)) {
                return format(className, method.getName(), frame.getLineNumber());
            }
        }
        return null;
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
