package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.scaling.ScalingInput;

class RecordedRunsTest {

    @Test
    void theThreadCountIsReadFromTheCommandLinesThreadsOrTOption() {
        assertThat(RecordedRuns.threadsArgument("demo.Main --threads 8 --size 3")).isEqualTo(8);
        assertThat(RecordedRuns.threadsArgument("app.jar --threads=4")).isEqualTo(4);
        assertThat(RecordedRuns.threadsArgument("app.jar -t 2 -x")).isEqualTo(2);
    }

    @Test
    void commandLinesWithoutACountGiveNone() {
        assertThat(RecordedRuns.threadsArgument(null)).isNull();
        assertThat(RecordedRuns.threadsArgument("app.jar --threads")).isNull();
        assertThat(RecordedRuns.threadsArgument("app.jar --threads many")).isNull();
        assertThat(RecordedRuns.threadsArgument("app.jar --threads 0")).isNull();
        assertThat(RecordedRuns.threadsArgument("app.jar --thread-count 4")).isNull();
    }

    @Test
    void givenCountsAreTakenInOrderWithoutReadingTheRecordings() throws Exception {
        List<ScalingInput> inputs = RecordedRuns.of(List.of(Path.of("a.jfr"), Path.of("b.jfr"), Path.of("c.jfr")),
                List.of(1, 2, 2));

        assertThat(inputs).containsExactly(new ScalingInput(1, List.of(Path.of("a.jfr")), null),
                new ScalingInput(2, List.of(Path.of("b.jfr")), null), new ScalingInput(2, List.of(Path.of("c.jfr")), null));
    }
}
