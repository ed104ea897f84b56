package paragent.agent.instrumentation.ipc;

import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;

/**
 * Inlined into a socket read that returns the bytes it read as an {@code int}: both
 * {@code NioSocketImpl.read(byte[], int, int)} (every {@code java.net.Socket} stream) and
 * {@code SocketChannelImpl.read(ByteBuffer)}. The socket or channel object is the channel's key.
 */
final class SocketReadAdvice {

    private SocketReadAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object socket) {
        return ChannelHooks.socketBegin(socket);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object channel, @Advice.Return int read, @Advice.Thrown Throwable thrown) {
        if (channel != null) {
            ChannelHooks.end(channel, false, read, thrown);
        }
    }
}
