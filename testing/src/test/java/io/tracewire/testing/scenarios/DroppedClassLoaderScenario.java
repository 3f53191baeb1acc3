package io.tracewire.testing.scenarios;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Loads the H2 driver in a fresh class loader, uses it, and drops the loader, many times over, as
 * a hot-redeploying server does; then reports how many of the loaders were garbage collected.
 * Argument: the H2 jar's path.
 */
public final class DroppedClassLoaderScenario {

  private static final int ROUNDS = 50;

  public static void main(String[] args) throws Exception {
    URL h2 = Path.of(args[0]).toUri().toURL();
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      loaders.add(new WeakReference<>(useDriverOnce(h2, round)));
    }
    System.out.println("collected=" + DroppedLoaders.collected(loaders) + "/" + ROUNDS);
  }

  private static ClassLoader useDriverOnce(URL h2, int round) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {h2}, ClassLoader.getPlatformClassLoader());
    Class<?> driverClass = loader.loadClass("org.h2.Driver");
    Driver driver = (Driver) driverClass.getMethod("load").invoke(null);
    try (Connection connection = driver.connect("jdbc:h2:mem:round" + round, new Properties())) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (id INT)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setInt(1, round);
        insert.executeUpdate();
      }
    }
    // The driver registers itself with DriverManager; unregister it as a redeploy would.
    driverClass.getMethod("unload").invoke(null);
    loader.close();
    return loader;
  }
}
