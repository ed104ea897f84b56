package paragent.demo.gcchurn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code gc-churn}: allocation-heavy workers stalled by the garbage collector.
 *
 * <p>{@value #DEFAULT_PARTICLES} × scale particles in an anharmonic trap are advanced
 * {@value #SWEEPS} velocity Verlet steps by {@code --threads} workers named
 * {@code gc-churn-worker-<i>}, sweep by sweep: in each sweep the workers take blocks of
 * {@value #BLOCK} particles from a shared cursor and meet at a phaser, so they stay balanced. Bottleneck: every particle is an
 * immutable {@link Particle} and every step allocates three new ones, the last of which replaces
 * the old in the shared array; so every particle (32 MB of them at scale 1) stays live for a whole
 * sweep, too long to die young: every young collection copies the survivors it finds and promotes
 * them, the old generation fills with particles that die there, and all workers pause meanwhile. Fixed: the
 * same arithmetic on six primitive arrays, updated in place: no allocation after setup.
 * Result: a checksum of the final states (in hex), bit-identical in both variants and for any
 * thread count. Stateless; see {@link Demo}.
 */
public final class GcChurnDemo implements Demo {

    /** Particles at scale 1. */
    public static final long DEFAULT_PARTICLES = 500_000L;
    /** Steps every particle is advanced. */
    public static final int SWEEPS = 40;
    /** Particles a worker takes at a time. */
    static final int BLOCK = 4_096;

    @Override
    public String name() {
        return "gc-churn";
    }

    @Override
    public String description() {
        return "a particle simulation allocating new immutable particles every step, with a large live set"
                + " (fixed: primitive arrays updated in place)";
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.of("GC", "Particle", "paragent.demo.gcchurn.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long count = config.scaled(DEFAULT_PARTICLES);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--scale too large: " + count + " particles");
        }
        int particles = (int) count;
        Simulation simulation = config.variant() == Variant.BOTTLENECK
                ? new ObjectSimulation(particles) : new PrimitiveSimulation(particles);
        int blocks = (particles + BLOCK - 1) / BLOCK;
        // One cursor per pass (initial states, the sweeps, the checksum): workers take blocks of
        // particles until none are left, then meet at the phaser before the next pass, so they stay
        // in step and finish together.
        AtomicInteger[] cursors = new AtomicInteger[SWEEPS + 2];
        Arrays.setAll(cursors, i -> new AtomicInteger());
        Phaser passes = new Phaser(config.threads());
        LongAdder checksum = new LongAdder();
        long wallNanos = Workers.runAll(name(), config.threads(), index -> {
            for (int pass = 0; pass < cursors.length; pass++) {
                for (int b = cursors[pass].getAndIncrement(); b < blocks; b = cursors[pass].getAndIncrement()) {
                    int from = b * BLOCK;
                    int to = Math.min(particles, from + BLOCK);
                    if (pass == 0) {
                        simulation.initialize(from, to);
                    } else if (pass <= SWEEPS) {
                        simulation.sweep(from, to);
                    } else {
                        checksum.add(simulation.checksum(from, to));
                    }
                }
                passes.arriveAndAwaitAdvance();
            }
        });
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("particles", Integer.toString(particles));
        metrics.put("steps", Long.toString((long) particles * SWEEPS));
        return new DemoResult(wallNanos, Long.toHexString(checksum.sum()), metrics);
    }

    /** The particles' states and how a block of them is advanced; blocks are updated by one worker at a time. */
    private interface Simulation {
        void initialize(int from, int to);

        void sweep(int from, int to);

        long checksum(int from, int to);
    }

    /** The bottleneck: immutable particles, a new one per step, kept in the shared array. */
    private static final class ObjectSimulation implements Simulation {
        private final Particle[] particles;

        ObjectSimulation(int count) {
            particles = new Particle[count];
        }

        @Override
        public void initialize(int from, int to) {
            for (int i = from; i < to; i++) {
                particles[i] = Particle.initial(i);
            }
        }

        @Override
        public void sweep(int from, int to) {
            for (int i = from; i < to; i++) {
                particles[i] = particles[i].step();
            }
        }

        @Override
        public long checksum(int from, int to) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += particles[i].checksum();
            }
            return sum;
        }
    }

    /** The fix: the same steps on six primitive arrays, updated in place. */
    private static final class PrimitiveSimulation implements Simulation {
        private final double[] x;
        private final double[] y;
        private final double[] z;
        private final double[] vx;
        private final double[] vy;
        private final double[] vz;

        PrimitiveSimulation(int count) {
            x = new double[count];
            y = new double[count];
            z = new double[count];
            vx = new double[count];
            vy = new double[count];
            vz = new double[count];
        }

        @Override
        public void initialize(int from, int to) {
            for (int k = from; k < to; k++) {
                x[k] = Particle.coordinate(k, 1);
                y[k] = Particle.coordinate(k, 2);
                z[k] = Particle.coordinate(k, 3);
            }
        }

        @Override
        public void sweep(int from, int to) {
            for (int k = from; k < to; k++) {
                double scale = Particle.trapScale(x[k], y[k], z[k]);
                double hvx = Particle.kicked(vx[k], x[k], scale);
                double hvy = Particle.kicked(vy[k], y[k], scale);
                double hvz = Particle.kicked(vz[k], z[k], scale);
                x[k] = Particle.drifted(x[k], hvx);
                y[k] = Particle.drifted(y[k], hvy);
                z[k] = Particle.drifted(z[k], hvz);
                double newScale = Particle.trapScale(x[k], y[k], z[k]);
                vx[k] = Particle.kicked(hvx, x[k], newScale);
                vy[k] = Particle.kicked(hvy, y[k], newScale);
                vz[k] = Particle.kicked(hvz, z[k], newScale);
            }
        }

        @Override
        public long checksum(int from, int to) {
            long sum = 0;
            for (int k = from; k < to; k++) {
                sum += Particle.checksum(x[k], y[k], z[k], vx[k], vy[k], vz[k]);
            }
            return sum;
        }
    }
}
