package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.FileLockHooks;
import paragent.agent.bootstrap.FileLockWaitEvent;

/**
 * File locks and memory mappings of {@code sun.nio.ch.FileChannelImpl} (the JDK's only
 * {@code FileChannel}): {@code lock(long, long, boolean)} and {@code tryLock(long, long, boolean)},
 * to which {@code lock()} and {@code tryLock()} delegate, and {@code map(MapMode, long, long)}
 * (JDK 17 and 25) plus {@code map(MapMode, long, long, Arena)} (JDK 22+). The file's path is the
 * channel's private {@code path} field.
 */
public final class FileChannelImplInstrumentation {

    /** The type woven. */
    public static final String TARGET = "sun.nio.ch.FileChannelImpl";

    private FileChannelImplInstrumentation() {
    }

    /** Weaves the lock and map advices. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(LockAdvice.class).on(named("lock").and(takesArguments(3))))
                .visit(Advice.to(TryLockAdvice.class).on(named("tryLock").and(takesArguments(3))))
                .visit(Advice.to(MapAdvice.class).on(named("map")
                        .and(takesArgument(0, FileChannel.MapMode.class))
                        .and(takesArguments(3).or(takesArguments(4)))));
    }

    /** Inlined into {@code lock(long, long, boolean)}. */
    static final class LockAdvice {

        private LockAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static FileLockWaitEvent enter() {
            return FileLockHooks.lockBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter FileLockWaitEvent event, @Advice.FieldValue("path") String path,
                @Advice.Argument(0) long position, @Advice.Argument(1) long size, @Advice.Argument(2) boolean shared,
                @Advice.Return FileLock lock) {
            FileLockHooks.lockEnd(event, path, position, size, shared, true, lock);
        }
    }

    /** Inlined into {@code tryLock(long, long, boolean)}. */
    static final class TryLockAdvice {

        private TryLockAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static FileLockWaitEvent enter() {
            return FileLockHooks.lockBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter FileLockWaitEvent event, @Advice.FieldValue("path") String path,
                @Advice.Argument(0) long position, @Advice.Argument(1) long size, @Advice.Argument(2) boolean shared,
                @Advice.Return FileLock lock) {
            FileLockHooks.lockEnd(event, path, position, size, shared, false, lock);
        }
    }

    /** Inlined into {@code map(MapMode, long, long)} and {@code map(MapMode, long, long, Arena)}. */
    static final class MapAdvice {

        private MapAdvice() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.FieldValue("path") String path, @Advice.Argument(0) FileChannel.MapMode mode,
                @Advice.Argument(1) long position, @Advice.Argument(2) long size, @Advice.Thrown Throwable thrown) {
            if (thrown == null) {
                FileLockHooks.mapped(path, mode, position, size);
            }
        }
    }
}
