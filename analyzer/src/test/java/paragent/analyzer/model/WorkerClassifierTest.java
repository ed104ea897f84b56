package paragent.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerClassifierTest {

    private static ThreadTime thread(String name, long id, double running, double blocked, boolean internal) {
        return new ThreadTime(name, id, null, running, 5, running, null, blocked, 0, 0, 0, 0, 0, 0, 0, internal, false);
    }

    @Test
    void jvmAndToolThreadsAreInternal() {
        for (String name : List.of("Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner",
                "Notification Thread", "Attach Listener", "JFR Recorder Thread", "JFR Periodic Tasks",
                "process reaper", "DestroyJavaVM", "paragent-sampler")) {
            assertThat(WorkerClassifier.isInternal(name, "main")).as(name).isTrue();
        }
        assertThat(WorkerClassifier.isInternal("anything", "system")).isTrue();
        assertThat(WorkerClassifier.isInternal("pool-1-thread-1", "main")).isFalse();
        assertThat(WorkerClassifier.isInternal("main", "main")).isFalse();
    }

    @Test
    void idleMainIsNotAWorkerButBusyMainIs() {
        List<ThreadTime> threads = List.of(thread("main", 1, 0.05, 0, false), thread("w1", 2, 4, 0, false),
                thread("w2", 3, 0.2, 0, false), thread("JFR Periodic Tasks", 4, 4, 0, true));

        List<ThreadTime> classified = WorkerClassifier.classify(threads, Map.of(3L, 1.0));

        assertThat(classified).extracting(ThreadTime::worker).containsExactly(false, true, true, false);
        assertThat(WorkerClassifier.classify(List.of(thread("main", 1, 3, 0, false), thread("w1", 2, 4, 0, false)),
                Map.of())).allMatch(ThreadTime::worker);
    }
}
