package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockClassesTest {

    @Test
    void aqsSubclassesMapToTheLockTheUserWrote() {
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.locks.ReentrantLock$NonfairSync"))
                .isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync"))
                .isEqualTo("java.util.concurrent.locks.ReentrantReadWriteLock");
        assertThat(LockClasses.lockClassOfPark("app.MyLock$Sync")).isEqualTo("app.MyLock");
    }

    @Test
    void latchesBarriersQueuesAndFuturesAreIdleWaits() {
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.CountDownLatch$Sync")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.CyclicBarrier")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.Phaser")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.FutureTask")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.LinkedBlockingQueue")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.ForkJoinPool")).isNull();
        assertThat(LockClasses.lockClassOfPark(
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject")).isNull();
        assertThat(LockClasses.lockClassOfPark(null)).isNull();
    }

    @Test
    void framesFormatLikeStackTraces() {
        assertThat(Frames.format("paragent.demo.Foo$Bar", "baz", 42)).isEqualTo("paragent.demo.Foo$Bar.baz(Foo.java:42)");
        assertThat(Frames.format("Top", "run", -1)).isEqualTo("Top.run(Top.java)");
        assertThat(Frames.isApplicationClass("paragent.demo.Foo")).isTrue();
        assertThat(Frames.isApplicationClass("paragent.agent.bootstrap.LockAdvice")).isFalse();
        assertThat(Frames.isApplicationClass("com.sun.Foo")).isFalse();
    }

    @Test
    void settingDurationsParse() {
        assertThat(ModelBuilder.durationNanos("10 ms")).isEqualTo(10_000_000L);
        assertThat(ModelBuilder.durationNanos("1 s")).isEqualTo(1_000_000_000L);
        assertThat(ModelBuilder.durationNanos("everyChunk")).isZero();
        assertThat(ModelBuilder.javaVersion("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux"))
                .isEqualTo("17.0.15");
    }
}
