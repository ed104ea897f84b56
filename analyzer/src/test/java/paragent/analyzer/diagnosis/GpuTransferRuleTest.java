package paragent.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.SampledFrames;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

class GpuTransferRuleTest {

    static final double WALL = 10;
    static final String SITE = "app.Offload.step(Offload.java:30)";

    private static ThreadTime worker(long id) {
        return new ThreadTime("worker-" + id, id, null, 5, WALL, 5, null, 0, 0, 0, 0, 0, 0, 5, 100, false, true);
    }

    private static RecordingModel model(double transferSeconds, double kernelSeconds, Map<Long, Double> waits) {
        JvmInfo jvm = new JvmInfo(1L, "17", 2, "app");
        GpuModel gpu = new GpuModel(List.of(
                new GpuKernelStats("big", 10, kernelSeconds / 2, 10 * 1024, 0.1, "app.Offload.big(Offload.java:50)"),
                new GpuKernelStats("saxpy", 1_000, kernelSeconds / 2, 1_000L * 512 * 1024, transferSeconds - 0.1, SITE)),
                transferSeconds, kernelSeconds, 0, 0, transferSeconds + kernelSeconds, 1, 0, List.of(), waits);
        return new RecordingModel("r.jfr", jvm, WALL, 0, 10_000, List.of(worker(1), worker(2)), List.of(), List.of(),
                Timeline.empty(), List.of(), ProcessModel.empty(), GcModel.empty(), SampledFrames.empty(),
                IpcModel.empty(), RunIdentity.of(jvm), gpu);
    }

    private static List<Finding> evaluate(RecordingModel m) {
        return new GpuTransferRule().evaluate(m, new Ledger(m));
    }

    @Test
    void lostTimeIsTheWorkersWaitScaledByTheTransferShareOfDeviceTime() {
        List<Finding> findings = evaluate(model(3, 1, Map.of(1L, 2.0, 2L, 2.0, 99L, 5.0)));

        assertThat(findings).singleElement().satisfies(f -> {
            // Thread 99 is not a worker: its wait is not lost parallelism.
            assertThat(f.lostThreadSeconds()).isCloseTo(4 * 0.75, within(1e-9));
            assertThat(f.subject()).isEqualTo("saxpy");
            assertThat(f.where()).isEqualTo(SITE);
            assertThat(f.evidence()).startsWith("512.0 KiB moved per launch of saxpy (1,000 launches");
            assertThat(f.advice()).startsWith("Batch the small launches into one large kernel");
        });
    }

    @Test
    void kernelTimeAtLeastTheTransfersGivesNoFinding() {
        assertThat(evaluate(model(1, 1, Map.of(1L, 5.0, 2L, 5.0)))).isEmpty();
    }

    @Test
    void lessThanFivePercentOfWorkerTimeIsNotReported() {
        // 0.9 s × 0.75 of 20 worker-seconds: 3.4%.
        assertThat(evaluate(model(3, 1, Map.of(1L, 0.9)))).isEmpty();
    }

    @Test
    void timeAnEarlierRuleClaimedIsNotCountedAgain() {
        RecordingModel m = model(3, 1, Map.of(1L, 8.0));
        Ledger ledger = new Ledger(m);
        ledger.claim(1L, WALL - 2);

        assertThat(new GpuTransferRule().evaluate(m, ledger)).singleElement()
                .satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(2, within(1e-9)));
    }
}
