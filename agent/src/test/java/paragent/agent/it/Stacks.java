package paragent.agent.it;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;

/** Reading recorded stack traces in the integration tests. Stateless. */
final class Stacks {

    private Stacks() {
    }

    /**
     * @return {@code class.method} of the event's first frame outside the JDK and the agent, or
     *     "" when there is none or no stack trace
     */
    static String firstApplicationMethod(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("paragent.agent.")) {
                return type + "." + frame.getMethod().getName();
            }
        }
        return "";
    }
}
