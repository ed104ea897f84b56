package paragent.demo.pipes;

import java.io.Serializable;

/**
 * One message of the {@code pipes} bottleneck: a worker's slice of one round, as the objects a
 * program would naturally hold (one {@link Sample} per item), serialized whole with
 * {@link java.io.ObjectOutputStream}. Immutable once sent; not shared between threads.
 */
final class Batch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One measured value. */
    static final class Sample implements Serializable {

        private static final long serialVersionUID = 1L;

        final long value;

        Sample(long value) {
            this.value = value;
        }
    }

    final int round;
    final Sample[] samples;

    Batch(int round, Sample[] samples) {
        this.round = round;
        this.samples = samples;
    }
}
