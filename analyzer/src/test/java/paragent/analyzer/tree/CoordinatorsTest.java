package paragent.analyzer.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

class CoordinatorsTest {

    private static final long CHILD = 200;

    /** Reads the child's output 9 s of 10: the child's work, not its own. */
    private static final ThreadTime READER = thread("reader", 11, 0.5, 0, 0);
    /** Joins the reader 9.9 s of 10. */
    private static final ThreadTime JOINER = thread("main", 1, 0.1, 9.9, 0);
    /** Runs 6 s of 10 itself. */
    private static final ThreadTime CRUNCHER = thread("cruncher", 12, 6, 1, 0);

    @Test
    void threadsWaitingForARecordedChildAreNoWorkers() {
        RecordingModel parent = parent();

        RecordingModel tree = Coordinators.withoutCoordinators(parent, Set.of(100L, CHILD));

        assertThat(tree.workers()).extracting(ThreadTime::name).containsExactly("cruncher");
    }

    @Test
    void withoutTheChildsRecordingTheParentKeepsItsWorkers() {
        RecordingModel parent = parent();

        assertThat(Coordinators.withoutCoordinators(parent, Set.of(100L))).isSameAs(parent);
    }

    @Test
    void ioWaitCountsOnceWhenItIsTheChildRead() {
        ThreadTime readerInIo = thread("reader", 11, 1.5, 0, 8.5);
        RecordingModel parent = parent(readerInIo);

        RecordingModel tree = Coordinators.withoutCoordinators(parent, Set.of(100L, CHILD));

        assertThat(tree.workers()).extracting(ThreadTime::name).doesNotContain("reader");
    }

    private static RecordingModel parent(ThreadTime... extra) {
        List<ThreadTime> threads = extra.length > 0 ? List.of(extra[0], JOINER, CRUNCHER)
                : List.of(READER, JOINER, CRUNCHER);
        ChannelModel fromChild = new ChannelModel(2, ChannelKind.PIPE, "pipe to child 200 'java Worker' (stdout)",
                "parent", "stdout", CHILD, "java Worker", null, null, -1, 0,
                List.of(new ChannelThreadIo(11, 100, 0, 10, 0, 9.0, 0, 9.0)), null, null);
        return new RecordingModel("paragent-100.jfr", new JvmInfo(100L, "17", 2, "app.Main"), 10, 0, 0, threads,
                List.of(), List.of(), Timeline.empty(), List.of(),
                new ProcessModel(null, null, null,
                        List.of(new ChildProcess(CHILD, "java Worker", 0.01, null, 11, 9.5, 1.0, 0, null))),
                GcModel.empty(), SampledFrames.empty(), new IpcModel(List.of(fromChild), List.of(), List.of()),
                new RunIdentity("100-1", 100, -1, null, true, null, null));
    }

    /** A 10-second worker thread that runs {@code running} s, waits {@code waiting} s, is in I/O {@code io} s. */
    private static ThreadTime thread(String name, long id, double running, double waiting, double io) {
        return new ThreadTime(name, id, id, running, 10, running, 0.0, 0, 0, waiting, 0, io, 0,
                10 - running - waiting - io, 0, false, true);
    }
}
