package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadTime;

/** The model built from collected facts: ThreadTimes baselines and holders' frames. */
class ModelBuilderTest {

    private static final long S = 1_000_000_000L;

    private static EventCollector recording(long seconds) {
        EventCollector in = new EventCollector(new RetentionCaps());
        in.recordingStartNanos = 0;
        in.recordingEndNanos = seconds * S;
        in.runInfoProcessors = 2;
        in.runInfoSamplePeriodMillis = 10;
        in.sawThreadLifecycle = true;
        in.sawThreadTimes = true;
        return in;
    }

    private static ThreadData thread(EventCollector in, long id, String name) {
        ThreadData t = new ThreadData(id, new RetentionCaps());
        t.name = name;
        in.threads.put(id, t);
        return t;
    }

    private static ThreadTime byName(RecordingModel model, String name) {
        return model.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void threadTimesCountFromTheBaselineSoMainsStartUpIsNotWork() {
        EventCollector in = recording(4);
        ThreadData main = thread(in, 1, "main");
        main.threadTimesBaseline = new long[] {700_000_000L, 0, 0};
        main.threadTimesBaselineAtNanos = 0;
        main.threadTimes = new long[] {720_000_000L, 0, 3 * S};
        main.threadTimesAtNanos = 4 * S;
        for (long id = 2; id <= 3; id++) {
            ThreadData w = thread(in, id, "worker-" + id);
            w.startedNanos = S;
            w.threadTimes = new long[] {2 * S, S / 2, 0};
            w.threadTimesAtNanos = 4 * S;
        }

        RecordingModel model = new ModelBuilder(in, List.of()).build("r.jfr");

        assertThat(byName(model, "main").cpuSeconds()).isCloseTo(0.02, within(1e-9));
        assertThat(byName(model, "main").worker()).isFalse();
        assertThat(byName(model, "worker-2").cpuSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(byName(model, "worker-2").blockedSeconds()).isCloseTo(0.5, within(1e-9));
        assertThat(model.workers()).extracting(ThreadTime::name).containsExactlyInAnyOrder("worker-2", "worker-3");
    }

    @Test
    void withoutABaselineTotalsCountFromThreadStart() {
        assertThat(ModelBuilder.sinceBaseline(new long[] {5, 6, 7}, null)).containsExactly(5, 6, 7);
        assertThat(ModelBuilder.sinceBaseline(new long[] {5, 6, 7}, new long[] {1, 6, 9})).containsExactly(4, 0, 0);
    }

    @Test
    void holderFramesPreferSamplesInsideTheContendedCode() {
        EventCollector in = recording(2);
        thread(in, 1, "waiter");
        ThreadData holder = thread(in, 2, "holder");
        // Inside the wait interval the holder ran its own loop twice (outside the lock) and the
        // critical section once: the critical section, under the waiter's method, is what names it.
        sample(holder, 100, "app.Sampler.loop(Sampler.java:10)", "app.Sampler.loop", "app.Main.run");
        sample(holder, 200, "app.Sampler.loop(Sampler.java:10)", "app.Sampler.loop", "app.Main.run");
        sample(holder, 300, "app.Mixer.mix(Mixer.java:5)", "app.Mixer.mix", "app.Counter.increment",
                "app.Sampler.loop", "app.Main.run");
        LockData lock = new LockData(new LockKey(LockKind.MONITOR, "app.Counter", ""), new RetentionCaps());
        lock.addWait(1, 50, 400, 2, "app.Counter.increment(Counter.java:20)");
        in.locks.monitorLocks.put(lock.key, lock);

        LockModel model = new ModelBuilder(in, List.of()).build("r.jfr").locks().get(0);

        assertThat(model.holderFrames()).extracting(SiteCount::frame).containsExactly("app.Mixer.mix(Mixer.java:5)");
    }

    @Test
    void holderFramesFallBackToAllSamplesWhenNoneIsInsideTheContendedCode() {
        EventCollector in = recording(2);
        thread(in, 1, "waiter");
        ThreadData holder = thread(in, 2, "holder");
        sample(holder, 100, "app.Sampler.loop(Sampler.java:10)", "app.Sampler.loop", "app.Main.run");
        LockData lock = new LockData(new LockKey(LockKind.MONITOR, "app.Counter", ""), new RetentionCaps());
        lock.addWait(1, 50, 400, 2, "app.Counter.increment(Counter.java:20)");
        in.locks.monitorLocks.put(lock.key, lock);

        LockModel model = new ModelBuilder(in, List.of()).build("r.jfr").locks().get(0);

        assertThat(model.holderFrames()).extracting(SiteCount::frame)
                .containsExactly("app.Sampler.loop(Sampler.java:10)");
    }

    @Test
    void samplesAtALineSharedWithAnotherLockGoToTheLocksByTheirWaitTimeThere() {
        EventCollector in = recording(2);
        ThreadData worker = thread(in, 1, "worker");
        thread(in, 2, "holder");
        String sharedLine = "app.Work.run(Work.java:28)";
        for (int i = 0; i < 100; i++) {
            sample(worker, i * 1_000, sharedLine, "app.Work.run");
        }
        for (int i = 0; i < 10; i++) {
            sample(worker, 200_000 + i * 1_000, "app.Counter.increment(Counter.java:20)", "app.Counter.increment");
        }
        // A ReentrantLock waited for 999 ms at the line, a JDK-internal monitor taken inside that
        // call 1 ms; a synchronized counter alone at its own line.
        LockData reentrant = new LockData(new LockKey(LockKind.JUC, "java.util.concurrent.locks.ReentrantLock", "1"),
                new RetentionCaps());
        reentrant.addWait(1, 0, 999_000_000L, 2, sharedLine);
        in.locks.paragentLocks.put(reentrant.key, reentrant);
        LockData internal = new LockData(new LockKey(LockKind.MONITOR, "[I", ""), new RetentionCaps());
        internal.addMonitorWait(1, 0, 1_000_000L, 2, sharedLine, "app.Work.run", null);
        in.locks.monitorLocks.put(internal.key, internal);
        LockData counter = new LockData(new LockKey(LockKind.MONITOR, "app.Counter", ""), new RetentionCaps());
        counter.addMonitorWait(1, 0, 5_000_000L, 2, "app.Counter.increment(Counter.java:20)",
                "app.Counter.increment", null);
        in.locks.monitorLocks.put(counter.key, counter);

        RecordingModel model = new ModelBuilder(in, List.of()).build("r.jfr");

        LockModel internalModel = model.locks().stream().filter(l -> l.key().lockClass().equals("[I")).findFirst()
                .orElseThrow();
        LockModel counterModel = model.locks().stream().filter(l -> l.key().lockClass().equals("app.Counter"))
                .findFirst().orElseThrow();
        assertThat(internalModel.samplesAtWaitSites().getOrDefault(1L, 0L)).isZero(); // 100 × 1/1000 rounds to 0
        assertThat(counterModel.samplesAtWaitSites()).containsEntry(1L, 10L);
    }

    @Test
    void samplesAtAWaitingLineCountOnlyInTheMethodThatEnteredTheMonitor() {
        // gc-churn on JDK 25 in CI: a worker waited 82 µs once for a class loader's lock (a
        // java.lang.Object entered in BuiltinClassLoader.loadClassOrNull) under the line that calls
        // StrictMath.exp, where it then computed for seconds. Those samples are not spinning; a
        // synchronized line's own samples are.
        EventCollector in = recording(2);
        ThreadData worker = thread(in, 1, "worker");
        thread(in, 2, "holder");
        String expLine = "app.Particle.trapScale(Particle.java:68)";
        for (int i = 0; i < 100; i++) {
            sample(worker, i * 1_000, expLine, "jdk.internal.math.FdLibm$Exp.compute", "java.lang.StrictMath.exp",
                    "app.Particle.trapScale");
        }
        sample(worker, 100_000, expLine, "jdk.internal.loader.BuiltinClassLoader.loadClassOrNull",
                "java.lang.ClassLoader.loadClass", "app.Particle.trapScale");
        String counterLine = "app.Counter.increment(Counter.java:20)";
        for (int i = 0; i < 30; i++) {
            sample(worker, 200_000 + i * 1_000, counterLine, "app.Counter.increment", "app.Work.run");
        }
        for (int i = 0; i < 7; i++) {
            sample(worker, 300_000 + i * 1_000, counterLine, "app.Mixer.mix", "app.Counter.increment");
        }
        LockData loaderLock = new LockData(new LockKey(LockKind.MONITOR, "java.lang.Object", ""), new RetentionCaps());
        loaderLock.addMonitorWait(1, 0, 82_000L, 2, expLine, "jdk.internal.loader.BuiltinClassLoader.loadClassOrNull",
                null);
        in.locks.monitorLocks.put(loaderLock.key, loaderLock);
        LockData counter = new LockData(new LockKey(LockKind.MONITOR, "app.Counter", ""), new RetentionCaps());
        counter.addMonitorWait(1, 0, 5_000_000L, 2, counterLine, "app.Counter.increment", null);
        in.locks.monitorLocks.put(counter.key, counter);

        RecordingModel model = new ModelBuilder(in, List.of()).build("r.jfr");

        assertThat(lockOf(model, "java.lang.Object").samplesAtWaitSites()).containsExactly(java.util.Map.entry(1L, 1L));
        assertThat(lockOf(model, "app.Counter").samplesAtWaitSites()).containsExactly(java.util.Map.entry(1L, 30L));
    }

    @Test
    void aMonitorWaitWithoutAStackHasNoSamplesAtItsLine() {
        EventCollector in = recording(2);
        ThreadData worker = thread(in, 1, "worker");
        sample(worker, 1_000, "app.Counter.increment(Counter.java:20)", "app.Counter.increment");
        LockData counter = new LockData(new LockKey(LockKind.MONITOR, "app.Counter", ""), new RetentionCaps());
        counter.addMonitorWait(1, 0, 5_000_000L, 0, null, null, null);
        in.locks.monitorLocks.put(counter.key, counter);

        assertThat(lockOf(new ModelBuilder(in, List.of()).build("r.jfr"), "app.Counter").samplesAtWaitSites()).isEmpty();
    }

    @Test
    void anInlinedSynchronizedMethodIsSampledSpinningAtTheLineThatCallsIt() {
        // montecarlo on JDK 25: the waits' stacks have the synchronized HitCounter.increment on top;
        // 258 of 295 samples were at its caller's line, SharedCounterSampler.sampleBlock:17, 10 in it.
        EventCollector in = recording(2);
        ThreadData worker = thread(in, 1, "worker");
        thread(in, 2, "holder");
        String callLine = "app.Sampler.sampleBlock(Sampler.java:17)";
        String incrementLine = "app.HitCounter.increment(HitCounter.java:16)";
        for (int i = 0; i < 258; i++) {
            sample(worker, i * 1_000, callLine, "app.Sampler.sampleBlock", "app.Main.run");
        }
        for (int i = 0; i < 10; i++) {
            sample(worker, 300_000 + i * 1_000, incrementLine, "app.HitCounter.increment", "app.Sampler.sampleBlock");
        }
        for (int i = 0; i < 20; i++) {
            sample(worker, 400_000 + i * 1_000, "app.Sampler.sampleBlock(Sampler.java:16)", "app.Sampler.sampleBlock");
        }
        LockData counter = new LockData(new LockKey(LockKind.MONITOR, "app.HitCounter", ""), new RetentionCaps());
        counter.addMonitorWait(1, 0, 5_000_000L, 2, incrementLine, "app.HitCounter.increment", callLine);
        in.locks.monitorLocks.put(counter.key, counter);

        LockModel model = lockOf(new ModelBuilder(in, List.of()).build("r.jfr"), "app.HitCounter");

        assertThat(model.samplesAtWaitSites()).containsExactly(java.util.Map.entry(1L, 268L));
    }

    private static LockModel lockOf(RecordingModel model, String lockClass) {
        return model.locks().stream().filter(l -> l.key().lockClass().equals(lockClass)).findFirst().orElseThrow();
    }

    private static void sample(ThreadData t, long atNanos, String topFrame, String... methods) {
        t.executionSamples++;
        t.sampleTimes.add(atNanos, t.sampleFrames.size());
        t.sampleFrames.add(topFrame);
        t.sampleStacks.add(methods);
    }
}
