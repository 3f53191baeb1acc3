import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs many cheap statements as fast as possible and returns from main at once, so whatever
 * spans the agent still holds are pending when the JVM shuts down.
 */
public final class ExitBurst {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long checksum = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:exit");
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < count; i++) {
        try (ResultSet rows = statement.executeQuery("SELECT 1")) {
          rows.next();
          checksum += rows.getInt(1);
        }
      }
    }
    System.out.println("statements " + checksum);
  }
}
