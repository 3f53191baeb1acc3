package io.tracewire.testing.scenarios;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The same sequence of JDBC calls on any database: DDL, a statement with inlined literals, a
 * prepared query, a prepared batch, a mixed statement batch and a failing statement. Arguments:
 * JDBC URL, user, password, and {@code direct} or {@code hikari}.
 */
public final class JdbcScenario {

  /** Traced by the tests as the parent of every statement. */
  public static final class Work {
    public void run(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE tw_orders (id INT PRIMARY KEY, customer VARCHAR(100), note VARCHAR(100))");
        statement.executeUpdate(
            "INSERT INTO tw_orders (id, customer, note) VALUES (1, 'alice@example.com', 'secret-note') /* by job 4711 */");
      }
      try (PreparedStatement query = connection.prepareStatement("SELECT customer FROM tw_orders WHERE id = ?")) {
        query.setInt(1, 1);
        try (ResultSet result = query.executeQuery()) {
          result.next();
          System.out.println("customer=" + result.getString(1));
        }
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO tw_orders (id, customer, note) VALUES (?, ?, ?)")) {
        for (int id = 2; id <= 4; id++) {
          insert.setInt(1, id);
          insert.setString(2, "customer-" + id);
          insert.setString(3, "note-" + id);
          insert.addBatch();
        }
        System.out.println("batch=" + insert.executeBatch().length);
      }
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("INSERT INTO tw_orders (id, customer, note) VALUES (10, 'bob@example.com', 'x')");
        statement.addBatch("UPDATE tw_orders SET note = 'mixed-batch-secret' WHERE id = 10");
        System.out.println("mixed=" + statement.executeBatch().length);
      }
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT * FROM tw_missing WHERE secret = 'topsecret-value'");
      } catch (SQLException expected) {
        System.out.println("failed with SQLState " + expected.getSQLState());
      }
    }
  }

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    String user = args[1];
    String password = args.length > 2 ? args[2] : "";
    boolean pooled = args.length > 3 && args[3].equals("hikari");
    HikariDataSource pool = null;
    Connection connection;
    if (pooled) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(1);
      pool = new HikariDataSource(config);
      connection = pool.getConnection();
    } else {
      connection = DriverManager.getConnection(url, user, password);
    }
    try (Statement cleanup = connection.createStatement()) {
      cleanup.execute("DROP TABLE IF EXISTS tw_orders");
    }
    new Work().run(connection);
    try (Statement cleanup = connection.createStatement()) {
      cleanup.execute("DROP TABLE tw_orders");
    }
    connection.close();
    if (pool != null) {
      pool.close();
    }
    System.out.println("done");
  }
}
