import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Primary-key lookups through one reused PreparedStatement: warm up, then count operations in a
 * fixed window. Prints ops/s and the total number of statements run (for the span count check).
 */
public final class JdbcThroughput {
  private static final int ROWS = 1000;
  // Results land here so the lookups cannot be optimised away.
  static long consumed;

  public static void main(String[] args) throws Exception {
    double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    double measureSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    long statements = 0;
    long measured;
    long elapsedNanos;
    long sink = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:throughput")) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))");
        ddl.executeUpdate(
            "INSERT INTO items SELECT X, CONCAT('item-', X) FROM SYSTEM_RANGE(1, " + ROWS + ")");
        statements += 2;
      }
      try (PreparedStatement select =
          connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
        long[] id = {0};
        long warm = runFor(select, seconds(warmupSeconds), id);
        long start = System.nanoTime();
        measured = runFor(select, seconds(measureSeconds), id);
        elapsedNanos = System.nanoTime() - start;
        statements += warm + measured;
        sink = id[0];
      }
    }
    System.out.printf("ops_per_s %.1f%n", measured * 1e9 / elapsedNanos);
    System.out.println("statements " + statements);
    System.out.println("last_id " + sink + " consumed " + consumed);
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }

  private static long runFor(PreparedStatement select, long nanos, long[] id) throws Exception {
    long deadline = System.nanoTime() + nanos;
    long ops = 0;
    int length = 0;
    while (true) {
      // Reading the clock every 64 operations keeps it out of the measured cost.
      for (int i = 0; i < 64; i++) {
        id[0] = id[0] % ROWS + 1;
        select.setInt(1, (int) id[0]);
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            length += rows.getString(1).length();
          }
        }
      }
      ops += 64;
      if (System.nanoTime() >= deadline) {
        consumed += length;
        return ops;
      }
    }
  }
}
