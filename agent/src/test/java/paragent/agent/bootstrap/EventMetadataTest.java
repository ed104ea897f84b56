package paragent.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import org.junit.jupiter.api.Test;
import paragent.agent.recording.RecordingController;

/**
 * Every event class of the agent, also those a test run does not emit (GPU, file locks, single lock
 * waits), carries the metadata JDK Mission Control needs ({@link EventMetadata}) and is registered
 * with JFR before the recording starts.
 */
class EventMetadataTest {

    @Test
    void everyEventClassOfTheAgentHasLabelDescriptionParagentCategoryAndUnits() throws Exception {
        List<Class<? extends Event>> events = agentEventClasses();

        assertThat(events).as("event classes found").contains(RunInfoEvent.class, LockWaitEvent.class,
                GpuCommandEvent.class, FileLockWaitEvent.class);
        assertThat(events).extracting(EventType::getEventType).allSatisfy(type ->
                assertThat(type.getName()).startsWith("paragent."))
                .flatExtracting(EventMetadata::problems).as("what JMC would show badly").isEmpty();
    }

    @Test
    void everyEventClassIsRegisteredBeforeTheRecordingStarts() throws Exception {
        assertThat(RecordingController.EVENT_CLASSES).as("RecordingController.EVENT_CLASSES")
                .containsExactlyInAnyOrderElementsOf(agentEventClasses());
    }

    /** The concrete {@link Event} subclasses among the agent's compiled classes, in any package. */
    private static List<Class<? extends Event>> agentEventClasses() throws Exception {
        Path classes = classesDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .map(EventMetadataTest::load).filter(c -> Event.class.isAssignableFrom(c) && c != Event.class
                            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers()))
                    .<Class<? extends Event>>map(c -> c.asSubclass(Event.class)).toList();
        }
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(RunInfoEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventMetadataTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("compiled class " + name + " does not load", e);
        }
    }
}
