package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.testing.ParagentEvents;

/**
 * The waiting line of a j.u.c. lock is the application's call of the lock, not a frame of the
 * lock's own implementation; latches are not locks. Real recordings made in the test JVM.
 */
class LockWaitSiteTest {

    /** A hand-written lock, like a global interpreter lock: its acquire() is where the wait happens. */
    static final class HandLock {
        static final class Sync {
            void acquire() {
                ParagentEvents.LockWait e = new ParagentEvents.LockWait();
                e.begin();
                e.lockClass = HandLock.class.getName();
                e.syncClass = Sync.class.getName();
                e.lockId = 7;
                e.commit();
            }
        }

        private final Sync sync = new Sync();

        void acquire() {
            sync.acquire();
        }
    }

    @Test
    void whereIsTheCallerOfTheLocksOwnAcquire(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("hand-lock.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("paragent.LockWait").withStackTrace();
            recording.start();
            callTheLock(new HandLock());
            latchWait();
            recording.stop();
            recording.dump(jfr);
        }

        RecordingModel model = RecordingLoader.load(jfr);

        assertThat(model.locks()).extracting(l -> l.key().lockClass()).containsExactly(HandLock.class.getName());
        LockModel lock = model.locks().get(0);
        assertThat(lock.key().kind()).isEqualTo(LockKind.JUC);
        assertThat(lock.waiterSites()).extracting(SiteCount::frame)
                .singleElement().asString().startsWith(LockWaitSiteTest.class.getName() + ".callTheLock(");
        assertThat(Files.size(jfr)).isPositive();
    }

    private static void callTheLock(HandLock lock) {
        lock.acquire();
    }

    private static void latchWait() {
        ParagentEvents.LockWait e = new ParagentEvents.LockWait();
        e.begin();
        e.lockClass = "java.util.concurrent.CountDownLatch";
        e.syncClass = "java.util.concurrent.CountDownLatch$Sync";
        e.lockId = 8;
        e.shared = true;
        e.commit();
    }
}
