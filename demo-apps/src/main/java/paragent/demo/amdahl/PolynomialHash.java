package paragent.demo.amdahl;

/**
 * A polynomial hash of a {@code long[]}, read as 16-bit digits, modulo the Mersenne prime
 * 2<sup>61</sup>−1, computed by Horner's rule — a sequential recurrence over every digit — and
 * the rule that joins the hashes of consecutive segments into the hash of the whole, which lets
 * the fixed variant of {@code amdahl} hash the segments in parallel. Stateless and thread-safe.
 */
final class PolynomialHash {

    /** The modulus, 2<sup>61</sup>−1. */
    static final long MODULUS = (1L << 61) - 1;
    /** The base of the polynomial. */
    static final long BASE = 1_000_003L;
    /** Bits of one digit; a long is {@value #DIGITS_PER_LONG} digits, least significant first. */
    static final int DIGIT_BITS = 16;
    /** Digits hashed per long. */
    static final int DIGITS_PER_LONG = Long.SIZE / DIGIT_BITS;

    private static final long DIGIT_MASK = (1L << DIGIT_BITS) - 1;

    private PolynomialHash() {
    }

    /** The hash of the digits of {@code values[from..to)}. */
    static long of(long[] values, int from, int to) {
        long hash = 0;
        for (int i = from; i < to; i++) {
            long value = values[i];
            for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
                hash = add(multiply(hash, BASE), (value >>> shift) & DIGIT_MASK);
            }
        }
        return hash;
    }

    /** The hash of segment A followed by segment B, from their hashes and B's length in longs. */
    static long join(long hashA, long hashB, long lengthB) {
        return add(multiply(hashA, power(BASE, lengthB * DIGITS_PER_LONG)), hashB);
    }

    private static long power(long base, long exponent) {
        long result = 1;
        long square = base;
        for (long e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result = multiply(result, square);
            }
            square = multiply(square, square);
        }
        return result;
    }

    /** {@code a × b mod MODULUS} for {@code a, b < MODULUS}. */
    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        // a·b = high·2^64 + low, and 2^61 ≡ 1, so a·b ≡ (high·2^3 + low>>>61) + (low & MODULUS).
        long sum = ((high << 3) | (low >>> 61)) + (low & MODULUS);
        return sum >= MODULUS ? sum - MODULUS : sum;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum >= MODULUS ? sum - MODULUS : sum;
    }
}
