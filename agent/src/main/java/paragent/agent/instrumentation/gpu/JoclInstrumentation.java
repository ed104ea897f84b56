package paragent.agent.instrumentation.gpu;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.jocl.CL;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_queue_properties;
import paragent.agent.bootstrap.GpuHooks;

/**
 * Weaves the application's own {@code org.jocl.CL} (JOCL 2.x), in whatever class loader loads it:
 * queues are created with profiling enabled, buffer writes, reads, copies, fills and maps and
 * kernel launches get an event of the agent's when the program passes none, and
 * {@code clFinish}, {@code clWaitForEvents} and blocking transfers are where the agent reads the
 * commands' device times (see {@code GpuAggregator}). The advice is compiled against JOCL, which
 * {@code paragent.jar} does not carry: it is described and inlined from a type pool that sees the
 * agent's classes and those of the loader of the class woven, and nothing of it runs unless the
 * application loads JOCL.
 */
public final class JoclInstrumentation {

    /** The type woven. */
    public static final String TARGET = "org.jocl.CL";

    private JoclInstrumentation() {
    }

    /** Weaves the advice classes below into the public static methods they name. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> {
            ClassFileLocator locator = new ClassFileLocator.Compound(
                    ClassFileLocator.ForClassLoader.of(JoclInstrumentation.class.getClassLoader()),
                    ClassFileLocator.ForClassLoader.of(loader));
            TypePool pool = TypePool.Default.of(locator);
            return builder
                    .visit(advice(CreateQueueAdvice.class, pool, locator).on(api("clCreateCommandQueue", 4)))
                    .visit(advice(CreateQueueWithPropertiesAdvice.class, pool, locator)
                            .on(api("clCreateCommandQueueWithProperties", 4)))
                    .visit(advice(TransferAdvice.class, pool, locator)
                            .on(api("clEnqueueWriteBuffer", 9).or(api("clEnqueueReadBuffer", 9))))
                    .visit(advice(CopyFillAdvice.class, pool, locator)
                            .on(api("clEnqueueCopyBuffer", 9).or(api("clEnqueueFillBuffer", 9))))
                    .visit(advice(MapAdvice.class, pool, locator).on(api("clEnqueueMapBuffer", 10)))
                    .visit(advice(KernelAdvice.class, pool, locator).on(api("clEnqueueNDRangeKernel", 9)))
                    .visit(advice(FinishAdvice.class, pool, locator).on(api("clFinish", 1)))
                    .visit(advice(WaitForEventsAdvice.class, pool, locator).on(api("clWaitForEvents", 2)));
        };
    }

    private static ElementMatcher.Junction<MethodDescription> api(String name, int arguments) {
        return named(name).and(isPublic()).and(isStatic()).and(takesArguments(arguments));
    }

    private static Advice advice(Class<?> advice, TypePool pool, ClassFileLocator locator) {
        return Advice.to(pool.describe(advice.getName()).resolve(), locator);
    }

    /** Inlined into {@code clCreateCommandQueue(context, device, properties, errcode)}. */
    static final class CreateQueueAdvice {

        private CreateQueueAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 2, readOnly = false) long properties) {
            if (GpuHooks.recording()) {
                properties |= CL.CL_QUEUE_PROFILING_ENABLE;
            }
        }
    }

    /** Inlined into {@code clCreateCommandQueueWithProperties(context, device, properties, errcode)}. */
    static final class CreateQueueWithPropertiesAdvice {

        private CreateQueueWithPropertiesAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Origin Class<?> cl,
                @Advice.Argument(value = 2, readOnly = false) cl_queue_properties properties) {
            if (GpuHooks.recording()) {
                properties = (cl_queue_properties) GpuHooks.withProfiling(cl, properties);
            }
        }
    }

    /** Inlined into {@code clEnqueueWriteBuffer} and {@code clEnqueueReadBuffer}: the size is argument 4. */
    static final class TransferAdvice {

        private TransferAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(2) boolean blocking,
                @Advice.Argument(value = 8, readOnly = false) cl_event event) {
            Object call = GpuHooks.callBegin(blocking, event == null);
            if (call != null && event == null) {
                event = new cl_event();
            }
            return call;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl, @Advice.Origin("#m") String method,
                @Advice.Argument(0) cl_command_queue queue, @Advice.Argument(2) boolean blocking,
                @Advice.Argument(4) long size, @Advice.Argument(8) cl_event event, @Advice.Return int result,
                @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.transferEnqueued(call, cl, method, queue, event, size, blocking,
                        thrown == null && result == CL.CL_SUCCESS);
            }
        }
    }

    /** Inlined into {@code clEnqueueCopyBuffer} and {@code clEnqueueFillBuffer}: the size is argument 5. */
    static final class CopyFillAdvice {

        private CopyFillAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(value = 8, readOnly = false) cl_event event) {
            Object call = GpuHooks.callBegin(false, event == null);
            if (call != null && event == null) {
                event = new cl_event();
            }
            return call;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl, @Advice.Origin("#m") String method,
                @Advice.Argument(0) cl_command_queue queue, @Advice.Argument(5) long size,
                @Advice.Argument(8) cl_event event, @Advice.Return int result, @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.transferEnqueued(call, cl, method, queue, event, size, false,
                        thrown == null && result == CL.CL_SUCCESS);
            }
        }
    }

    /** Inlined into {@code clEnqueueMapBuffer}, which returns the mapped buffer (null on failure). */
    static final class MapAdvice {

        private MapAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(value = 8, readOnly = false) cl_event event) {
            Object call = GpuHooks.callBegin(false, event == null);
            if (call != null && event == null) {
                event = new cl_event();
            }
            return call;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl, @Advice.Origin("#m") String method,
                @Advice.Argument(0) cl_command_queue queue, @Advice.Argument(2) boolean blocking,
                @Advice.Argument(5) long size, @Advice.Argument(8) cl_event event,
                @Advice.Return ByteBuffer mapped, @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.transferEnqueued(call, cl, method, queue, event, size, blocking,
                        thrown == null && mapped != null);
            }
        }
    }

    /** Inlined into {@code clEnqueueNDRangeKernel(queue, kernel, workDim, offset, global, local, n, waitList, event)}. */
    static final class KernelAdvice {

        private KernelAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(value = 8, readOnly = false) cl_event event) {
            Object call = GpuHooks.callBegin(false, event == null);
            if (call != null && event == null) {
                event = new cl_event();
            }
            return call;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl,
                @Advice.Argument(0) cl_command_queue queue, @Advice.Argument(1) cl_kernel kernel,
                @Advice.Argument(2) int workDim, @Advice.Argument(4) long[] globalWorkSize,
                @Advice.Argument(8) cl_event event, @Advice.Return int result, @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.kernelEnqueued(call, cl, queue, event, kernel, workDim, globalWorkSize,
                        thrown == null && result == CL.CL_SUCCESS);
            }
        }
    }

    /** Inlined into {@code clFinish(queue)}. */
    static final class FinishAdvice {

        private FinishAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter() {
            return GpuHooks.callBegin(true, false);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl,
                @Advice.Argument(0) cl_command_queue queue, @Advice.Return int result, @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.finished(call, cl, queue, thrown == null && result == CL.CL_SUCCESS);
            }
        }
    }

    /** Inlined into {@code clWaitForEvents(count, events)}. */
    static final class WaitForEventsAdvice {

        private WaitForEventsAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter() {
            return GpuHooks.callBegin(true, false);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Origin Class<?> cl, @Advice.Argument(1) cl_event[] events,
                @Advice.Return int result, @Advice.Thrown Throwable thrown) {
            if (call != null) {
                GpuHooks.eventsWaited(call, cl, events, thrown == null && result == CL.CL_SUCCESS);
            }
        }
    }
}
