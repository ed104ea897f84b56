package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;
import paragent.agent.bootstrap.ChannelOpenEvent;

/**
 * Follows NIO {@code SocketChannel}s: {@code read}/{@code write} of one {@code ByteBuffer} or a
 * {@code ByteBuffer[]} range (the counts they return are the bytes moved; a non-blocking call that
 * moved nothing counts as a call of 0 bytes) and {@code connect(SocketAddress)}, whose duration
 * becomes the {@code ChannelOpen} when it connected at once (blocking mode). Same signatures on
 * JDK 17 and 25. The channel is the {@code SocketChannelImpl}. Streams of its
 * {@code socket()} adaptor go through {@code blockingRead}/{@code blockingWrite} and are not seen.
 */
public final class SocketChannelImplInstrumentation {

    /** The type woven. */
    public static final String TARGET = "sun.nio.ch.SocketChannelImpl";

    private SocketChannelImplInstrumentation() {
    }

    /** Weaves the read, write and connect advices. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(SocketReadAdvice.class).on(named("read").and(takesArguments(1))
                        .and(takesArgument(0, ByteBuffer.class))))
                .visit(Advice.to(ReadManyAdvice.class).on(named("read").and(takesArguments(3))))
                .visit(Advice.to(WriteAdvice.class).on(named("write").and(takesArguments(1))
                        .and(takesArgument(0, ByteBuffer.class))))
                .visit(Advice.to(WriteManyAdvice.class).on(named("write").and(takesArguments(3))))
                .visit(Advice.to(ConnectAdvice.class).on(named("connect").and(takesArguments(1))));
    }

    /** Inlined into {@code read(ByteBuffer[], int, int)}. */
    static final class ReadManyAdvice {

        private ReadManyAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object channel) {
            return ChannelHooks.socketBegin(channel);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Return long read, @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, false, read, thrown);
            }
        }
    }

    /** Inlined into {@code write(ByteBuffer)}. */
    static final class WriteAdvice {

        private WriteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object channel) {
            return ChannelHooks.socketBegin(channel);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Return int written,
                @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, written, thrown);
            }
        }
    }

    /** Inlined into {@code write(ByteBuffer[], int, int)}. */
    static final class WriteManyAdvice {

        private WriteManyAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object channel) {
            return ChannelHooks.socketBegin(channel);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Return long written,
                @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, written, thrown);
            }
        }
    }

    /** Inlined into {@code connect(SocketAddress)}. */
    static final class ConnectAdvice {

        private ConnectAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ChannelOpenEvent enter() {
            return ChannelHooks.openBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ChannelOpenEvent event, @Advice.This Object channel,
                @Advice.Return boolean connected, @Advice.Thrown Throwable thrown) {
            ChannelHooks.openEnd(event, connected ? channel : null, false, thrown);
        }
    }
}
