package paragent.gpu.probe;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_CUSTOM;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PLATFORM_NOT_FOUND_KHR;
import static org.jocl.CL.CL_PLATFORM_VENDOR;
import static org.jocl.CL.CL_PLATFORM_VERSION;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.Platform;

/**
 * The installed OpenCL platforms and devices, read once through JOCL with exceptions enabled (every
 * failing call throws {@link CLException}). Immutable after {@link #discover()}; thread-safe.
 */
final class OpenCl {

    private final List<Platform> platforms;
    private final List<cl_platform_id> platformIds = new ArrayList<>();
    private final List<cl_device_id> deviceIds = new ArrayList<>();

    private OpenCl(List<cl_platform_id> platformHandles) {
        List<Platform> found = new ArrayList<>();
        for (cl_platform_id platform : platformHandles) {
            List<Device> devices = new ArrayList<>();
            for (cl_device_id device : devices(platform)) {
                devices.add(describe(deviceIds.size(), device));
                deviceIds.add(device);
                platformIds.add(platform);
            }
            found.add(new Platform(platformString(platform, CL_PLATFORM_NAME), platformString(platform, CL_PLATFORM_VENDOR),
                    platformString(platform, CL_PLATFORM_VERSION), devices));
        }
        this.platforms = List.copyOf(found);
    }

    /**
     * The first touch of {@code org.jocl.CL}: loads JOCL's native library, which needs the
     * unversioned {@code libOpenCL.so}.
     *
     * @throws NoOpenClException without a loader library, or with a loader that finds no platform
     *                           or no device
     */
    static OpenCl discover() throws NoOpenClException {
        List<cl_platform_id> handles;
        try {
            CL.setExceptionsEnabled(true);
            handles = platformHandles();
        } catch (LinkageError e) {
            throw new NoOpenClException(e);
        } catch (CLException e) {
            if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                throw new NoOpenClException(e);
            }
            throw e;
        }
        OpenCl openCl = new OpenCl(handles);
        if (openCl.deviceIds.isEmpty()) {
            throw new NoOpenClException(null);
        }
        return openCl;
    }

    List<Platform> platforms() {
        return platforms;
    }

    int deviceCount() {
        return deviceIds.size();
    }

    /** @return the first GPU's index, else 0 */
    int defaultDevice() {
        return platforms.stream().flatMap(p -> p.devices().stream()).filter(d -> d.type().equals("GPU"))
                .mapToInt(Device::index).findFirst().orElse(0);
    }

    Device device(int index) {
        return platforms.stream().flatMap(p -> p.devices().stream()).filter(d -> d.index() == index).findFirst()
                .orElseThrow();
    }

    cl_device_id deviceId(int index) {
        return deviceIds.get(index);
    }

    cl_platform_id platformId(int deviceIndex) {
        return platformIds.get(deviceIndex);
    }

    private static List<cl_platform_id> platformHandles() {
        int[] count = new int[1];
        CL.clGetPlatformIDs(0, null, count);
        cl_platform_id[] ids = new cl_platform_id[count[0]];
        if (ids.length > 0) {
            CL.clGetPlatformIDs(ids.length, ids, null);
        }
        return List.of(ids);
    }

    private static List<cl_device_id> devices(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            return List.of(); // CL_DEVICE_NOT_FOUND: a platform without devices
        }
        cl_device_id[] ids = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
        return List.of(ids);
    }

    private static Device describe(int index, cl_device_id device) {
        return new Device(index, deviceString(device, CL_DEVICE_NAME), type(deviceLong(device, CL_DEVICE_TYPE)),
                deviceString(device, CL_DEVICE_VENDOR), deviceString(device, CL_DRIVER_VERSION),
                deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE), deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS), deviceLong(device, CL_DEVICE_MAX_WORK_GROUP_SIZE));
    }

    private static String type(long bits) {
        if ((bits & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((bits & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        if ((bits & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        return (bits & CL_DEVICE_TYPE_CUSTOM) != 0 ? "CUSTOM" : "DEFAULT";
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    /** For {@code cl_ulong}, {@code size_t} and {@code cl_bitfield} values. */
    private static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    private static long deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null);
        return Integer.toUnsignedLong(value[0]);
    }

    /** OpenCL strings end with a NUL. */
    private static String text(byte[] bytes) {
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8).strip();
    }
}
