package paragent.demo.bench.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * An embedded, in-memory H2 database under a transactional load: each thread has its own
 * connection and, per unit, inserts an account, updates the balance of one of its earlier
 * accounts and, every fourth unit, runs an indexed aggregate query, committing every
 * {@value #UNITS_PER_TRANSACTION} units. Threads write disjoint key ranges and query only their own
 * rows, so the checksum does not depend on the interleaving; what the threads share is H2's own
 * machinery (the MVStore, its locks, the index). Each {@link #run} starts from an empty table.
 * Used from one thread at a time.
 */
final class H2Workload implements Workload {

    /** Units committed together. */
    static final int UNITS_PER_TRANSACTION = 10;
    /** Distinct owners: the indexed column's cardinality. */
    static final int OWNERS = 500;

    private static final String URL = "jdbc:h2:mem:paragent-bench;DB_CLOSE_DELAY=-1";

    /** Keeps the in-memory database alive between runs, and runs the DDL. */
    private final Connection keeper;

    H2Workload() throws SQLException {
        keeper = DriverManager.getConnection(URL);
    }

    @Override
    public long run(int threads, int units) throws Exception {
        try (Statement s = keeper.createStatement()) {
            s.execute("DROP TABLE IF EXISTS account");
            s.execute("CREATE TABLE account(id BIGINT PRIMARY KEY, owner INT NOT NULL, balance BIGINT NOT NULL,"
                    + " note VARCHAR(64) NOT NULL)");
            s.execute("CREATE INDEX account_owner ON account(owner, id)");
        }
        long perThread = PerThread.sum(threads, t -> transact(PerThread.sliceStart(units, threads, t),
                PerThread.sliceStart(units, threads, t + 1), t));
        try (Statement s = keeper.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(balance) FROM account")) {
            rs.next();
            return perThread * 31 + rs.getLong(1) * 1_000_003 + rs.getLong(2);
        }
    }

    /** One thread's units: ids {@code from} (inclusive) to {@code to} (exclusive). */
    private static long transact(int from, int to, int thread) throws SQLException {
        SplittableRandom random = new SplittableRandom(thread);
        long checksum = 0;
        try (Connection c = DriverManager.getConnection(URL);
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO account(id, owner, balance, note) VALUES (?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE account SET balance = balance + ? WHERE id = ?");
                PreparedStatement query = c.prepareStatement(
                        "SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM account WHERE owner = ? AND id BETWEEN ? AND ?")) {
            c.setAutoCommit(false);
            for (int id = from; id < to; id++) {
                insert.setLong(1, id);
                insert.setInt(2, id % OWNERS);
                insert.setLong(3, id % 1000);
                insert.setString(4, "account " + id + " of owner " + id % OWNERS);
                insert.executeUpdate();
                if (id > from) {
                    update.setLong(1, random.nextInt(100));
                    update.setLong(2, from + random.nextInt(id - from));
                    update.executeUpdate();
                }
                if (id % 4 == 0) {
                    query.setInt(1, id % OWNERS);
                    query.setLong(2, from);
                    query.setLong(3, id);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        checksum = checksum * 31 + rs.getLong(1) * 7 + rs.getLong(2);
                    }
                }
                if ((id - from) % UNITS_PER_TRANSACTION == UNITS_PER_TRANSACTION - 1) {
                    c.commit();
                }
            }
            c.commit();
        }
        return checksum;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        }
        keeper.close();
    }
}
