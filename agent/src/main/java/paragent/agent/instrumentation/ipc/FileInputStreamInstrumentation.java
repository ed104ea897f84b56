package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;

/**
 * Counts reads on followed pipes. {@code read()}, {@code read(byte[])} and
 * {@code read(byte[], int, int)} are the three public reads of {@code java.io.FileInputStream};
 * on JDK 17 and 25 each calls a private native ({@code read0} or {@code readBytes}) and none calls
 * another, and {@code readAllBytes}, {@code readNBytes} and the buffered process streams all end
 * in them, so every read is seen once. While no pipe is followed the advice reads one static
 * field. JFR's own {@code jdk.FileRead} instrumentation of the same methods coexists.
 */
public final class FileInputStreamInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.io.FileInputStream";

    private FileInputStreamInstrumentation() {
    }

    /** Weaves {@link ReadByteAdvice} and {@link ReadBytesAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(ReadByteAdvice.class).on(named("read").and(takesArguments(0))))
                .visit(Advice.to(ReadBytesAdvice.class).on(named("read").and(takesArguments(1).or(takesArguments(3)))));
    }

    /** Inlined into {@code read()}: one byte, or none at end of stream. */
    static final class ReadByteAdvice {

        private ReadByteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This FileInputStream self, @Advice.FieldValue("fd") FileDescriptor fd) {
            return ChannelHooks.pipesRegistered ? ChannelHooks.pipeReadBegin(self, fd) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Return int read, @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, false, read < 0 ? 0 : 1, thrown);
            }
        }
    }

    /** Inlined into {@code read(byte[])} and {@code read(byte[], int, int)}: the count returned. */
    static final class ReadBytesAdvice {

        private ReadBytesAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This FileInputStream self, @Advice.FieldValue("fd") FileDescriptor fd) {
            return ChannelHooks.pipesRegistered ? ChannelHooks.pipeReadBegin(self, fd) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Return int read, @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, false, read, thrown);
            }
        }
    }
}
