package paragent.analyzer.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.VirtualThreadPinning;
import paragent.analyzer.model.VirtualThreadPinning.Reason;

class ProcessSectionTest {

    @Test
    void pinnedVirtualThreadsAreCountedWithTheirTopReasonsEscaped() {
        VirtualThreadPinning pinning = new VirtualThreadPinning(5, 0.5, 0.2, List.of(
                new Reason("VM call to Holder.<clinit> on stack", 3, 0.4), new Reason("native frame", 1, 0.06),
                new Reason("monitor held", 1, 0.04), new Reason("fourth", 0, 0)));

        assertThat(ProcessSection.pinning(pinning)).isEqualTo("Virtual threads pinned to their carrier while blocked: "
                + "5 times, 0.500 s in all, longest 0.200 s; VM call to Holder.&lt;clinit&gt; on stack (3, 0.400 s), "
                + "native frame (1, 0.060 s), monitor held (1, 0.040 s).");
    }
}
