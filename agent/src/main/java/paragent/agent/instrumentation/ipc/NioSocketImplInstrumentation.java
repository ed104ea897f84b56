package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.net.SocketAddress;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;
import paragent.agent.bootstrap.ChannelOpenEvent;

/**
 * Follows blocking {@code java.net.Socket}s. On JDK 17 and 25 their streams end in the private
 * {@code sun.nio.ch.NioSocketImpl.read(byte[], int, int)} and {@code write(byte[], int, int)},
 * {@code Socket.connect} in {@code connect(SocketAddress, int)} (the other {@code connect}s
 * delegate to it) and {@code ServerSocket.accept} in {@code accept(SocketImpl)}, whose argument is
 * the accepted socket's implementation. The channel is the {@code NioSocketImpl}.
 */
public final class NioSocketImplInstrumentation {

    /** The type woven. */
    public static final String TARGET = "sun.nio.ch.NioSocketImpl";

    private NioSocketImplInstrumentation() {
    }

    /** Weaves the read, write, connect and accept advices. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(SocketReadAdvice.class).on(named("read").and(takesArguments(3))))
                .visit(Advice.to(WriteAdvice.class).on(named("write").and(takesArguments(3))))
                .visit(Advice.to(ConnectAdvice.class).on(named("connect").and(takesArguments(2))
                        .and(takesArgument(0, SocketAddress.class))))
                .visit(Advice.to(AcceptAdvice.class).on(named("accept").and(takesArguments(1))));
    }

    /** Inlined into {@code write(byte[], int, int)}, which writes all {@code len} bytes or throws. */
    static final class WriteAdvice {

        private WriteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object socket) {
            return ChannelHooks.socketBegin(socket);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object channel, @Advice.Argument(2) int length,
                @Advice.Thrown Throwable thrown) {
            if (channel != null) {
                ChannelHooks.end(channel, true, length, thrown);
            }
        }
    }

    /** Inlined into {@code connect(SocketAddress, int)}. */
    static final class ConnectAdvice {

        private ConnectAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ChannelOpenEvent enter() {
            return ChannelHooks.openBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ChannelOpenEvent event, @Advice.This Object socket,
                @Advice.Thrown Throwable thrown) {
            ChannelHooks.openEnd(event, socket, false, thrown);
        }
    }

    /** Inlined into {@code accept(SocketImpl)} of the listening socket. */
    static final class AcceptAdvice {

        private AcceptAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ChannelOpenEvent enter() {
            return ChannelHooks.openBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ChannelOpenEvent event, @Advice.Argument(0) Object accepted,
                @Advice.Thrown Throwable thrown) {
            ChannelHooks.openEnd(event, accepted, true, thrown);
        }
    }
}
