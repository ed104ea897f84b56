package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import paragent.analyzer.testing.Workloads;

/** Reading a field by position gives what JFR's getter by name gives, on every field of real recordings. */
class FieldReaderTest {

    @Test
    void everyFieldReadsByPositionAsByName() throws Exception {
        assertThat(FieldReader.byPosition()).as("the build opens jdk.jfr/jdk.jfr.consumer to the tests").isTrue();
        Map<String, FieldReader> readers = new HashMap<>();
        Set<String> compared = new TreeSet<>();
        long values = 0;
        for (Path file : new Path[] {Workloads.paragentLockContention(), Workloads.monitorContention()}) {
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    for (ValueDescriptor field : event.getFields()) {
                        FieldReader reader = readers.computeIfAbsent(field.getName(), FieldReader::new);
                        Object byName = reader.valueByName(event);
                        if (byName instanceof Object[] || !field.getFields().isEmpty() && !(byName instanceof jdk.jfr.consumer.RecordedObject)) {
                            continue; // arrays and inline structs: not what the reader is for
                        }
                        assertThat(reader.value(event)).as("%s.%s", event.getEventType().getName(), field.getName())
                                .isEqualTo(byName);
                        compared.add(event.getEventType().getName() + "." + field.getName());
                        values++;
                    }
                    // A field the type does not have reads as null, as by name.
                    assertThat(readers.computeIfAbsent("noSuchField", FieldReader::new).value(event)).isNull();
                }
            }
        }

        assertThat(values).isGreaterThan(1_000);
        assertThat(compared).contains("jdk.JavaMonitorEnter.monitorClass", "jdk.JavaMonitorEnter.previousOwner",
                "jdk.JavaMonitorEnter.stackTrace", "jdk.JavaMonitorEnter.eventThread", "paragent.LockWait.lockClass",
                "paragent.LockWait.lockId", "paragent.LockWait.holder", "jdk.ExecutionSample.sampledThread",
                "jdk.ExecutionSample.stackTrace", "paragent.ThreadTimes.cpuNanos");
    }
}
