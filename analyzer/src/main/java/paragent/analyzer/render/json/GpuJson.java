package paragent.analyzer.render.json;

import java.io.IOException;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;

/** Writes the summary's {@code gpu} object (docs/JSON.md). Stateless; thread-safe. */
final class GpuJson {

    private GpuJson() {
    }

    static void gpu(JsonWriter json, GpuModel gpu) throws IOException {
        json.name("gpu").beginObject()
                .name("transferSeconds").value(gpu.transferSeconds())
                .name("kernelSeconds").value(gpu.kernelSeconds())
                .name("bytesToDevice").value(gpu.bytesToDevice())
                .name("bytesFromDevice").value(gpu.bytesFromDevice())
                .name("deviceBusySeconds").value(gpu.deviceBusySeconds())
                .name("deviceIdleSeconds").value(gpu.deviceIdleSeconds())
                .name("hostWaitSeconds").value(gpu.hostWaitSeconds())
                .name("kernels").beginArray();
        for (GpuKernelStats k : gpu.kernels()) {
            json.beginObject()
                    .name("kernelName").value(k.kernelName())
                    .name("launches").value(k.launches())
                    .name("kernelSeconds").value(k.kernelSeconds())
                    .name("bytesMovedAround").value(k.bytesMovedAround())
                    .name("bytesPerLaunch").value(k.bytesPerLaunch())
                    .name("transferSeconds").value(k.transferSeconds())
                    .name("site").value(k.site())
                    .endObject();
        }
        json.endArray().endObject();
    }
}
