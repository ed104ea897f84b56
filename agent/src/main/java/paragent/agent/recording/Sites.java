package paragent.agent.recording;

/** The application frame that made a call, for the summaries' {@code site} fields. Stateless; thread-safe. */
final class Sites {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private Sites() {
    }

    /** The first application frame of the current stack, as {@code class.method(File.java:line)}, or null. */
    static String firstApplicationFrame() {
        return WALKER.walk(frames -> frames
                .filter(frame -> ExecutorAggregator.isApplication(frame.getClassName()))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName()
                        + ":" + frame.getLineNumber() + ")")
                .orElse(null));
    }
}
