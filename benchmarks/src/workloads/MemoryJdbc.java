import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A short JDBC run (100 statements) that reports its own peak RSS, read from the kernel just
 * before exit so the figure covers everything the agent loaded on the way.
 */
public final class MemoryJdbc {
  public static void main(String[] args) throws Exception {
    int statements = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:memory")) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))");
        statements++;
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
        for (int i = 1; i <= 49; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item-" + i);
          insert.executeUpdate();
          statements++;
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
        for (int i = 1; i <= 50; i++) {
          select.setInt(1, i % 49 + 1);
          try (ResultSet rows = select.executeQuery()) {
            rows.next();
          }
          statements++;
        }
      }
    }
    System.out.println("statements " + statements);
    System.out.println("VmHWM_kB " + peakRssKb());
  }

  // -1 where /proc is missing (not Linux): the driver then reports the run as failed.
  private static long peakRssKb() {
    try {
      for (String line :
          Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (Exception e) {
      // fall through
    }
    return -1;
  }
}
