package paragent.demo.gcchurn;

/**
 * One particle of {@code gc-churn}'s simulation: an immutable position and velocity in an
 * anharmonic trap with a Gaussian dip at its centre, advanced by velocity Verlet steps that each
 * allocate new particles — the allocation the GC finding must name.
 *
 * <p>The arithmetic lives in static methods on plain doubles, shared with the fixed variant's
 * primitive arrays, and uses {@code StrictMath}, so both variants compute bit-identical states on
 * any JVM. Immutable, so thread-safe.
 */
public final class Particle {

    /** Time step of the simulation. */
    static final double DT = 0.01;
    /** Strength of the trap. */
    static final double STIFFNESS = 1.0;
    /** Depth of the Gaussian dip at the centre of the trap. */
    static final double DIP = 0.5;

    final double x;
    final double y;
    final double z;
    final double vx;
    final double vy;
    final double vz;

    Particle(double x, double y, double z, double vx, double vy, double vz) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.vx = vx;
        this.vy = vy;
        this.vz = vz;
    }

    /** Particle {@code i}'s initial state, a function of {@code i} alone. */
    static Particle initial(long i) {
        return new Particle(coordinate(i, 1), coordinate(i, 2), coordinate(i, 3), 0, 0, 0);
    }

    /** A coordinate in [-1, 1), hashed from the particle's number and the axis. */
    static double coordinate(long i, int axis) {
        long z = (i * 4 + axis) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-52 - 1.0;
    }

    /** One velocity Verlet step: half a kick, a drift, half a kick, each a new particle. */
    Particle step() {
        return kick().drift().kick();
    }

    private Particle kick() {
        double scale = trapScale(x, y, z);
        return new Particle(x, y, z, kicked(vx, x, scale), kicked(vy, y, scale), kicked(vz, z, scale));
    }

    private Particle drift() {
        return new Particle(drifted(x, vx), drifted(y, vy), drifted(z, vz), vx, vy, vz);
    }

    /** The trap's force per unit of displacement at a position: softer at the centre, stiffer out. */
    static double trapScale(double x, double y, double z) {
        double r2 = x * x + y * y + z * z;
        return -STIFFNESS * (1.0 + r2 - DIP * StrictMath.exp(-r2));
    }

    /** A velocity after half a kick by the trap. */
    static double kicked(double velocity, double position, double trapScale) {
        return velocity + 0.5 * DT * trapScale * position;
    }

    /** A position after a drift of one time step. */
    static double drifted(double position, double velocity) {
        return position + DT * velocity;
    }

    /** The bits of all six numbers, added: a checksum that does not depend on summation order. */
    static long checksum(double x, double y, double z, double vx, double vy, double vz) {
        return Double.doubleToLongBits(x) + Double.doubleToLongBits(y) + Double.doubleToLongBits(z)
                + Double.doubleToLongBits(vx) + Double.doubleToLongBits(vy) + Double.doubleToLongBits(vz);
    }

    long checksum() {
        return checksum(x, y, z, vx, vy, vz);
    }
}
