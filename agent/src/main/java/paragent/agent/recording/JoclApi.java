package paragent.agent.recording;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.Buffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import org.jocl.CL;

/**
 * The JOCL calls the agent makes on the application's behalf, bound by method handles to one
 * application's {@code org.jocl.CL} class (the agent never loads JOCL itself: {@code paragent.jar}
 * does not carry it). Only compile-time constants of {@link CL} are used from the JOCL the agent
 * compiles against. Immutable and thread-safe; one instance per {@code org.jocl.CL} class
 * ({@link #FOR_CLASS}).
 *
 * <p>Every call tolerates an application that enabled JOCL's exceptions
 * ({@code CL.setExceptionsEnabled(true)}): an error code thrown as {@code CLException} is caught
 * and treated as the error it stands for.
 */
final class JoclApi {

    /** The binding of each {@code org.jocl.CL} class seen. */
    static final ClassValue<JoclApi> FOR_CLASS = new ClassValue<>() {
        @Override
        protected JoclApi computeValue(Class<?> cl) {
            try {
                return new JoclApi(cl);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this JOCL does not have the expected API: " + e, e);
            }
        }
    };

    private static final long PROFILING_SIZE = Long.BYTES;
    private static final long STATUS_SIZE = Integer.BYTES;
    private static final int[] PROFILING_INFO = {CL.CL_PROFILING_COMMAND_QUEUED, CL.CL_PROFILING_COMMAND_SUBMIT,
        CL.CL_PROFILING_COMMAND_START, CL.CL_PROFILING_COMMAND_END};

    private final MethodHandle newEvent;
    private final MethodHandle setPointer;
    private final MethodHandle getPointer;
    private final MethodHandle retain;
    private final MethodHandle release;
    private final MethodHandle eventInfo;
    private final MethodHandle profilingInfo;
    private final MethodHandle kernelInfo;
    private final MethodHandle pointerToLongs;
    private final MethodHandle pointerToInts;
    private final MethodHandle pointerToBytes;
    private final MethodHandle newProperties;
    private final MethodHandle addProperty;
    private final MethodHandle propertiesBuffer;

    private JoclApi(Class<?> cl) throws ReflectiveOperationException {
        ClassLoader loader = cl.getClassLoader();
        Class<?> event = Class.forName("org.jocl.cl_event", false, loader);
        Class<?> kernel = Class.forName("org.jocl.cl_kernel", false, loader);
        Class<?> pointer = Class.forName("org.jocl.Pointer", false, loader);
        Class<?> nativeObject = Class.forName("org.jocl.NativePointerObject", false, loader);
        Class<?> properties = Class.forName("org.jocl.cl_queue_properties", false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        // JOCL's classes are in their loader's unnamed module, open to every module: the private
        // lookup reaches the handle field that cl_event has no public setter for.
        MethodHandles.Lookup inside = MethodHandles.privateLookupIn(nativeObject, MethodHandles.lookup());

        newEvent = generic(lookup.findConstructor(event, MethodType.methodType(void.class)));
        setPointer = generic(inside.findSetter(nativeObject, "nativePointer", long.class));
        getPointer = generic(lookup.findVirtual(nativeObject, "getNativePointer", MethodType.methodType(long.class)));
        retain = generic(lookup.findStatic(cl, "clRetainEvent", MethodType.methodType(int.class, event)));
        release = generic(lookup.findStatic(cl, "clReleaseEvent", MethodType.methodType(int.class, event)));
        MethodType info = MethodType.methodType(int.class, event, int.class, long.class, pointer, long[].class);
        eventInfo = generic(lookup.findStatic(cl, "clGetEventInfo", info));
        profilingInfo = generic(lookup.findStatic(cl, "clGetEventProfilingInfo", info));
        kernelInfo = generic(lookup.findStatic(cl, "clGetKernelInfo", info.changeParameterType(0, kernel)));
        pointerToLongs = generic(lookup.findStatic(pointer, "to", MethodType.methodType(pointer, long[].class)));
        pointerToInts = generic(lookup.findStatic(pointer, "to", MethodType.methodType(pointer, int[].class)));
        pointerToBytes = generic(lookup.findStatic(pointer, "to", MethodType.methodType(pointer, byte[].class)));
        newProperties = generic(lookup.findConstructor(properties, MethodType.methodType(void.class)));
        addProperty = generic(lookup.findVirtual(properties, "addProperty",
                MethodType.methodType(void.class, long.class, long.class)));
        propertiesBuffer = generic(inside.findVirtual(nativeObject, "getBuffer", MethodType.methodType(Buffer.class)));
    }

    /** {@code handle} with every reference type erased to Object, so that it is called with invokeExact. */
    private static MethodHandle generic(MethodHandle handle) {
        MethodType type = handle.type();
        for (int i = 0; i < type.parameterCount(); i++) {
            if (!type.parameterType(i).isPrimitive()) {
                type = type.changeParameterType(i, Object.class);
            }
        }
        if (!type.returnType().isPrimitive()) {
            type = type.changeReturnType(Object.class);
        }
        return handle.asType(type);
    }

    /**
     * A new {@code cl_event} for the same OpenCL event as {@code event}, which the program may
     * reuse for another command later; call after {@link #retain}.
     */
    Object copyOf(Object event) throws Throwable {
        Object copy = (Object) newEvent.invokeExact();
        setPointer.invokeExact(copy, (long) getPointer.invokeExact(event));
        return copy;
    }

    /** The native handle of a JOCL object (queue, event, kernel). */
    long handle(Object object) throws Throwable {
        return (long) getPointer.invokeExact(object);
    }

    /** Adds a reference to {@code event}; false when OpenCL refused. */
    boolean retain(Object event) {
        try {
            return (int) retain.invokeExact(event) == CL.CL_SUCCESS;
        } catch (Throwable t) {
            return false;
        }
    }

    /** Drops the agent's reference to {@code event}; false when OpenCL refused (then there is nothing more to do). */
    boolean release(Object event) {
        try {
            return (int) release.invokeExact(event) == CL.CL_SUCCESS;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * {@code CL_EVENT_COMMAND_EXECUTION_STATUS}: {@code CL_COMPLETE} (0), a positive state still to
     * come, or negative on error (the command failed, or the query did).
     */
    int status(Object event) {
        try {
            int[] status = {Integer.MIN_VALUE};
            int result = (int) eventInfo.invokeExact(event, CL.CL_EVENT_COMMAND_EXECUTION_STATUS, STATUS_SIZE,
                    (Object) pointerToInts.invokeExact((Object) status), (Object) null);
            return result == CL.CL_SUCCESS ? status[0] : result;
        } catch (Throwable t) {
            return Integer.MIN_VALUE;
        }
    }

    /** Reads queued, submit, start and end (device clock, ns) into {@code times}; false when not available. */
    boolean profile(Object event, long[] times) {
        try {
            long[] value = new long[1];
            Object pointer = (Object) pointerToLongs.invokeExact((Object) value);
            for (int i = 0; i < PROFILING_INFO.length; i++) {
                int result = (int) profilingInfo.invokeExact(event, PROFILING_INFO[i], PROFILING_SIZE, pointer,
                        (Object) null);
                if (result != CL.CL_SUCCESS) {
                    return false;
                }
                times[i] = value[0];
            }
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /** {@code CL_KERNEL_FUNCTION_NAME} of {@code kernel}, or null. */
    String kernelName(Object kernel) {
        try {
            long[] size = new long[1];
            if ((int) kernelInfo.invokeExact(kernel, CL.CL_KERNEL_FUNCTION_NAME, 0L, (Object) null, (Object) size)
                    != CL.CL_SUCCESS || size[0] <= 0 || size[0] > Integer.MAX_VALUE) {
                return null;
            }
            byte[] name = new byte[(int) size[0]];
            if ((int) kernelInfo.invokeExact(kernel, CL.CL_KERNEL_FUNCTION_NAME, size[0],
                    (Object) pointerToBytes.invokeExact((Object) name), (Object) null) != CL.CL_SUCCESS) {
                return null;
            }
            int length = 0;
            while (length < name.length && name[length] != 0) {
                length++;
            }
            return new String(name, 0, length, StandardCharsets.UTF_8);
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * A new {@code cl_queue_properties} with the pairs of {@code properties} (may be null) and
     * {@code CL_QUEUE_PROFILING_ENABLE} or-ed into {@code CL_QUEUE_PROPERTIES} (added when absent).
     * The program's object is left as it was.
     */
    Object withProfiling(Object properties) throws Throwable {
        Object forced = (Object) newProperties.invokeExact();
        boolean set = false;
        if (properties != null) {
            LongBuffer pairs = ((LongBuffer) (Object) propertiesBuffer.invokeExact(properties)).duplicate();
            pairs.rewind();
            while (pairs.remaining() >= 2) {
                long key = pairs.get();
                long value = pairs.get();
                if (key == 0) {
                    break;
                }
                if (key == CL.CL_QUEUE_PROPERTIES) {
                    value |= CL.CL_QUEUE_PROFILING_ENABLE;
                    set = true;
                }
                addProperty.invokeExact(forced, key, value);
            }
        }
        if (!set) {
            addProperty.invokeExact(forced, (long) CL.CL_QUEUE_PROPERTIES, CL.CL_QUEUE_PROFILING_ENABLE);
        }
        return forced;
    }
}
