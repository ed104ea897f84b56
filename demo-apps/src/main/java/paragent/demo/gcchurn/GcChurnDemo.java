package paragent.demo.gcchurn;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code gc-churn-worker-<i>}, each owning a contiguous slice. Bottleneck: every particle is an
 * immutable {@link Particle} and every step allocates three new ones, the last of which replaces
 * the old in the shared array; so every particle (32 MB of them at scale 1) stays live for a whole
 * sweep, too long to die young: every young collection copies the survivors it finds and promotes
 * them, the old generation fills with particles that die there, and all workers pause meanwhile. Fixed: the
 * same arithmetic on six primitive arrays per worker, updated in place: no allocation after setup.
 * Result: a checksum of the final states (in hex), bit-identical in both variants and for any
 * thread count. Stateless; see {@link Demo}.
 */
public final class GcChurnDemo implements Demo {

    /** Particles at scale 1. */
    public static final long DEFAULT_PARTICLES = 500_000L;
    /** Steps every particle is advanced. */
    public static final int SWEEPS = 40;

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
        int threads = config.threads();
        LongAdder checksum = new LongAdder();
        Particle[] shared = config.variant() == Variant.BOTTLENECK ? new Particle[particles] : null;
        long wallNanos = Workers.runAll(name(), threads, index -> {
            int from = sliceStart(particles, threads, index);
            int to = from + (int) Workers.shareOf(particles, threads, index);
            checksum.add(shared != null ? simulateObjects(shared, from, to) : simulatePrimitives(from, to));
        });
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("particles", Integer.toString(particles));
        metrics.put("steps", Long.toString((long) particles * SWEEPS));
        return new DemoResult(wallNanos, Long.toHexString(checksum.sum()), metrics);
    }

    private static int sliceStart(int particles, int threads, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start += (int) Workers.shareOf(particles, threads, i);
        }
        return start;
    }

    /** The bottleneck: immutable particles, a new one per step, kept in the shared array. */
    private static long simulateObjects(Particle[] particles, int from, int to) {
        for (int i = from; i < to; i++) {
            particles[i] = Particle.initial(i);
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int i = from; i < to; i++) {
                particles[i] = particles[i].step();
            }
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += particles[i].checksum();
        }
        return sum;
    }

    /** The fix: the same steps on this worker's own primitive arrays, updated in place. */
    private static long simulatePrimitives(int from, int to) {
        int n = to - from;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] vx = new double[n];
        double[] vy = new double[n];
        double[] vz = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = Particle.coordinate(from + k, 1);
            y[k] = Particle.coordinate(from + k, 2);
            z[k] = Particle.coordinate(from + k, 3);
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int k = 0; k < n; k++) {
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
        long sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Particle.checksum(x[k], y[k], z[k], vx[k], vy[k], vz[k]);
        }
        return sum;
    }
}
