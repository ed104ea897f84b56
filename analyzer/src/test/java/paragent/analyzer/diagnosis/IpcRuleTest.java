package paragent.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.SampledFrames;
import paragent.analyzer.model.SerializationModel;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

class IpcRuleTest {

    static final double WALL = 10;
    static final String SEND = "app.Pool.send(Pool.java:12)";
    static final String RECEIVE = "app.Pool.receive(Pool.java:20)";

    private static ThreadTime worker(long id) {
        return new ThreadTime("worker-" + id, id, null, 5, WALL, 5, null, 0, 0, 0, 0, 0, 0, 5, 100, false, true);
    }

    private static ChannelModel pipe(long id, String stream, ChannelThreadIo... threads) {
        return new ChannelModel(id, ChannelKind.PIPE, "pipe to child 42 'java Worker' (" + stream + ")", "parent",
                stream, 42, "java Worker", null, null, -1, 0, List.of(threads), RECEIVE, SEND);
    }

    private static RecordingModel model(IpcModel ipc, Double childCpuSeconds) {
        JvmInfo jvm = new JvmInfo(1L, "17", 2, "app");
        ProcessModel processes = new ProcessModel(null, null, null, List.of(
                new ChildProcess(42, "java Worker", 0.1, "app.Pool.start(Pool.java:5)", 1, WALL, childCpuSeconds, 0, null)));
        return new RecordingModel("r.jfr", jvm, WALL, 0, 10_000, List.of(worker(1), worker(2)), List.of(), List.of(),
                Timeline.empty(), List.of(), processes, GcModel.empty(), SampledFrames.empty(), ipc,
                RunIdentity.of(jvm));
    }

    private static List<Finding> evaluate(RecordingModel m) {
        return new IpcRule().evaluate(m, new Ledger(m));
    }

    @Test
    void lostTimeIsWorkersReadsWritesAndSerializationCpuOnTheChannel() {
        ChannelModel stdin = pipe(1, "stdin", new ChannelThreadIo(1, 0, 1_000_000, 0, 1_000, 0, 2.0, null),
                new ChannelThreadIo(7, 0, 500, 0, 10, 0, 3.0, null));
        SerializationModel ser = new SerializationModel("write", "double[]", 1_000, 1.5, 0.5, 1_000_000, 1, null,
                Map.of(1L, 1.0));

        List<Finding> findings = evaluate(model(new IpcModel(List.of(stdin), List.of(ser), List.of()), 0.0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.IPC);
            assertThat(f.subject()).isEqualTo("pipe to child 42 'java Worker' (stdin)");
            assertThat(f.where()).isEqualTo(SEND);
            // thread 7 is not a worker: its 3 s do not count
            assertThat(f.lostThreadSeconds()).isCloseTo(3.0, within(1e-9));
            assertThat(f.evidence()).contains("1,010 messages").contains("serialization 33%");
        });
    }

    @Test
    void readsFromAChildCountOnlyBeyondItsCpuTime() {
        ChannelModel stdout = pipe(2, "stdout", new ChannelThreadIo(1, 800, 0, 10, 0, 4.0, 0, 3.9));

        assertThat(evaluate(model(new IpcModel(List.of(stdout), List.of(), List.of()), 3.0)))
                .singleElement().satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(1.0, within(1e-9)));
        assertThat(evaluate(model(new IpcModel(List.of(stdout), List.of(), List.of()), 5.0))).isEmpty();
    }

    @Test
    void unknownChildCpuCountsOnlyReadsThatDidNotWaitForTheChild() {
        ChannelModel stdout = pipe(2, "stdout", new ChannelThreadIo(1, 800, 0, 10, 0, 4.0, 0, 3.0));

        assertThat(evaluate(model(new IpcModel(List.of(stdout), List.of(), List.of()), null)))
                .singleElement().satisfies(f -> assertThat(f.lostThreadSeconds()).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void belowTheMinimumShareNothingIsReported() {
        ChannelModel stdin = pipe(1, "stdin", new ChannelThreadIo(1, 0, 100, 0, 1, 0, 0.01, null));

        assertThat(evaluate(model(new IpcModel(List.of(stdin), List.of(), List.of()), 0.0))).isEmpty();
    }

    @Test
    void adviceFitsTheTraffic() {
        assertThat(IpcRule.advice(0.6, 1 << 20, 0)).contains("memory-mapped file");
        assertThat(IpcRule.advice(0.1, 100, 0)).contains("Batch");
        assertThat(IpcRule.advice(0.1, 100_000, 0.8)).contains("fewer round trips");
        assertThat(IpcRule.advice(0.1, 100_000, 0.1)).contains("Send less");
    }

    @Test
    void ipcComesRightAfterProcessSpawnInTheLedgerOrder() {
        List<FindingKind> kinds = Rules.all().stream().map(Rule::kind).toList();

        assertThat(kinds.indexOf(FindingKind.IPC)).isEqualTo(kinds.indexOf(FindingKind.PROCESS_SPAWN) + 1);
    }
}
