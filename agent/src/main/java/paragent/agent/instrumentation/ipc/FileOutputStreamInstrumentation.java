package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.FileDescriptor;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;

/**
 * Counts writes on followed pipes: the three public writes of {@code java.io.FileOutputStream},
 * each of which calls a private native ({@code write(int, boolean)} or {@code writeBytes}) and
 * none another, on JDK 17 and 25. A write counts its bytes when it returns normally. While no pipe
 * is followed the advice reads one static field.
 */
public final class FileOutputStreamInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.io.FileOutputStream";

    private FileOutputStreamInstrumentation() {
    }

    /** Weaves the three write advices. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(WriteByteAdvice.class).on(named("write").and(takesArguments(1))
                        .and(takesArgument(0, int.class))))
                .visit(Advice.to(WriteArrayAdvice.class).on(named("write").and(takesArguments(1))
                        .and(takesArgument(0, byte[].class))))
                .visit(Advice.to(WriteRangeAdvice.class).on(named("write").and(takesArguments(3))));
    }

    /** Inlined into {@code write(int)}. */
    static final class WriteByteAdvice {

        private WriteByteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.FieldValue("fd") FileDescriptor fd) {
            return ChannelHooks.pipesRegistered ? ChannelHooks.pipeWriteBegin(fd) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, 1, thrown);
            }
        }
    }

    /** Inlined into {@code write(byte[])}. */
    static final class WriteArrayAdvice {

        private WriteArrayAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.FieldValue("fd") FileDescriptor fd) {
            return ChannelHooks.pipesRegistered ? ChannelHooks.pipeWriteBegin(fd) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Argument(0) byte[] bytes,
                @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, bytes.length, thrown);
            }
        }
    }

    /** Inlined into {@code write(byte[], int, int)}. */
    static final class WriteRangeAdvice {

        private WriteRangeAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.FieldValue("fd") FileDescriptor fd) {
            return ChannelHooks.pipesRegistered ? ChannelHooks.pipeWriteBegin(fd) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Argument(2) int length,
                @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, length, thrown);
            }
        }
    }
}
