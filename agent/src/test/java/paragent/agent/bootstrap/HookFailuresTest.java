package paragent.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A failing sink costs the application nothing but one line on stderr. */
class HookFailuresTest {

    /** A sink whose every call throws, as a bug in the agent would. */
    private static final class BrokenSink implements ExecutorSink {
        @Override
        public void created(Object executor) {
            throw new IllegalStateException("broken");
        }

        @Override
        public long submitBegin(Object executor, Object task) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void submitEnd(Object executor, Object task, long beginNanos, Throwable thrown) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void runStart(Object executor, Object task) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void runEnd() {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void aFailingExecutorSinkNeverThrowsAndIsReportedOnce() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        ExecutorHooks.install(new BrokenSink());
        try {
            assertThatCode(() -> {
                for (int i = 0; i < 3; i++) {
                    ExecutorHooks.created(this);
                    ExecutorHooks.submitEnd(this, this, ExecutorHooks.submitBegin(this, this), null);
                    ExecutorHooks.runStart(this, this);
                    ExecutorHooks.runEnd();
                }
            }).doesNotThrowAnyException();
        } finally {
            ExecutorHooks.install(null);
            System.setErr(original);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).singleElement().asString()
                .startsWith("paragent: executor recording failed: IllegalStateException (broken)")
                .endsWith("the program continues, and further failures there are not reported");
    }
}
