package paragent.demo.gil;

/**
 * The CPU-bound work of the {@code gil} demo: counting primes by trial division, as naive
 * pure-Python benchmarks do. Stateless and thread-safe.
 */
final class Primes {

    private Primes() {
    }

    /** The number of primes {@code p} with {@code fromInclusive <= p < toExclusive}. */
    static int countInRange(long fromInclusive, long toExclusive) {
        int count = 0;
        for (long n = Math.max(2, fromInclusive); n < toExclusive; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Trial division by 2 and the odd numbers up to the square root. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
