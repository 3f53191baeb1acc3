import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The hot path of a typical data-access layer: each iteration prepares a statement, executes it,
 * reads the row and closes both, on H2 in memory. Warm up, then count iterations in a fixed
 * window. Arguments: warm-up and measured seconds, and {@code prepare} (a new statement per
 * iteration) or {@code reuse} (one statement for all). Prints iterations/s.
 */
public final class JdbcPrepareLoop {
  private static final int ROWS = 1000;
  static long consumed;

  public static void main(String[] args) throws Exception {
    double warmupSeconds = Double.parseDouble(args[0]);
    double measureSeconds = Double.parseDouble(args[1]);
    boolean reuse = args.length > 2 && args[2].equals("reuse");
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:loop")) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))");
        ddl.executeUpdate("INSERT INTO items SELECT X, CONCAT('item-', X) FROM SYSTEM_RANGE(1, " + ROWS + ")");
      }
      PreparedStatement shared = reuse ? connection.prepareStatement("SELECT name FROM items WHERE id = ?") : null;
      long warm = runFor(connection, shared, warmupSeconds);
      long start = System.nanoTime();
      long measured = runFor(connection, shared, measureSeconds);
      long elapsed = System.nanoTime() - start;
      System.out.printf("ops_per_s %.1f%n", measured * 1e9 / elapsed);
      System.out.println("statements " + (warm + measured));
      System.out.println("consumed " + consumed);
    }
  }

  private static long runFor(Connection connection, PreparedStatement shared, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long iterations = 0;
    int id = 0;
    long length = 0;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 64; i++) {
        id = id % ROWS + 1;
        PreparedStatement select =
            shared != null ? shared : connection.prepareStatement("SELECT name FROM items WHERE id = ?");
        try {
          select.setInt(1, id);
          try (ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
              length += rows.getString(1).length();
            }
          }
        } finally {
          if (shared == null) {
            select.close();
          }
        }
      }
      iterations += 64;
    }
    consumed += length;
    return iterations;
  }
}
