package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;
import paragent.agent.bootstrap.ChannelOpenEvent;

/**
 * Times {@code ServerSocketChannel.accept()} (JDK 17 and 25: {@code sun.nio.ch.ServerSocketChannelImpl.accept()}):
 * the accepted channel's {@code ChannelOpen} has the accept call as its duration. A non-blocking
 * accept that found no connection returns null and is not recorded.
 */
public final class ServerSocketChannelImplInstrumentation {

    /** The type woven. */
    public static final String TARGET = "sun.nio.ch.ServerSocketChannelImpl";

    private ServerSocketChannelImplInstrumentation() {
    }

    /** Weaves {@link AcceptAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(AcceptAdvice.class).on(named("accept").and(takesArguments(0))));
    }

    /** Inlined into {@code accept()}. */
    static final class AcceptAdvice {

        private AcceptAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ChannelOpenEvent enter() {
            return ChannelHooks.openBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ChannelOpenEvent event, @Advice.Return Object accepted,
                @Advice.Thrown Throwable thrown) {
            ChannelHooks.openEnd(event, accepted, true, thrown);
        }
    }
}
