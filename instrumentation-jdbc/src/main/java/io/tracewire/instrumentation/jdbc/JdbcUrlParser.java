package io.tracewire.instrumentation.jdbc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the database system, name, host and port out of a JDBC URL. Only these four are ever
 * returned: user names, passwords and other properties are skipped over, never copied.
 */
public final class JdbcUrlParser {

  static final String OTHER_SQL = "other_sql";

  /** Drivers that wrap another driver's URL: {@code jdbc:p6spy:postgresql://...}. */
  private static final Set<String> WRAPPERS =
      new HashSet<>(
          Arrays.asList(
              "p6spy", "tracing", "otel", "opentelemetry", "log4jdbc", "aws-wrapper", "tc"));

  private JdbcUrlParser() {}

  /**
   * Parses a JDBC URL. Never throws: null, garbage and URLs of unknown drivers give {@link
   * DbConnectionInfo#UNKNOWN}, or {@code other_sql} with whatever host and database a {@code
   * //host:port/database} part names.
   */
  public static DbConnectionInfo parse(String jdbcUrl) {
    if (jdbcUrl == null) {
      return DbConnectionInfo.UNKNOWN;
    }
    try {
      return parseUrl(jdbcUrl.trim());
    } catch (RuntimeException e) {
      // A URL shape no branch foresaw: knowing nothing beats failing the statement.
      return DbConnectionInfo.UNKNOWN;
    }
  }

  private static DbConnectionInfo parseUrl(String url) {
    if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DbConnectionInfo.UNKNOWN;
    }
    String rest = url.substring(5);
    String driver;
    do {
      int colon = rest.indexOf(':');
      if (colon <= 0) {
        return DbConnectionInfo.UNKNOWN;
      }
      driver = rest.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = rest.substring(colon + 1);
    } while (WRAPPERS.contains(driver));

    switch (driver) {
      case "postgresql":
        return server("postgresql", rest, 5432, "localhost", "?;#");
      case "mysql":
      case "mysqlx":
        return server("mysql", rest, 3306, "localhost", "?;#");
      case "mysql+srv":
      case "mysqlx+srv":
        // The port comes from a DNS SRV record, so the URL does not tell it.
        return server("mysql", rest, null, null, "?;#");
      case "mariadb":
        return server("mariadb", rest, 3306, "localhost", "?;#");
      case "h2":
        return h2(rest);
      case "hsqldb":
        return hsqldb(rest);
      case "derby":
        return derby(rest);
      case "sqlite":
        return sqlite(rest);
      case "sqlserver":
        return sqlServer(rest);
      case "jtds":
        return jtds(rest);
      case "oracle":
        return oracle(rest);
      case "db2":
        return server("ibm.db2", rest, 50000, null, ":;?");
      default:
        return server(OTHER_SQL, rest, null, null, "?;#");
    }
  }

  // ---- client/server databases: //host:port/database

  /**
   * Parses {@code [scheme:]//[user@]host[:port][,host...]/database...} or, without slashes, a bare
   * database name connected to on {@code defaultHost}.
   */
  private static DbConnectionInfo server(
      String system, String rest, Integer defaultPort, String defaultHost, String dbEnd) {
    String s = stripScheme(rest);
    if (!s.startsWith("//")) {
      // jdbc:postgresql:shop, jdbc:db2:shop
      String db = until(stripLeading(s, '/'), dbEnd);
      return info(system, db, defaultHost, defaultHost == null ? null : defaultPort, defaultPort);
    }
    s = s.substring(2);
    int end = authorityEnd(s);
    HostPort first = firstHost(s.substring(0, end));
    String host = first.host != null ? first.host : defaultHost;
    Integer port = first.port != null ? first.port : host == null ? null : defaultPort;
    String path = s.substring(end);
    String db = path.startsWith("/") ? until(path.substring(1), dbEnd) : null;
    return info(system, db, host, port, defaultPort);
  }

  /** Drops a driver mode in front of the slashes: {@code loadbalance:}, {@code replication:}. */
  private static String stripScheme(String s) {
    int slashes = s.indexOf("//");
    if (slashes <= 0 || s.charAt(slashes - 1) != ':') {
      return s;
    }
    for (int k = 0; k < slashes - 1; k++) {
      char c = s.charAt(k);
      if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '_') {
        return s;
      }
    }
    return s.substring(slashes);
  }

  /** End of {@code user@host:port,host2}: the first / ? ; or # outside brackets and parentheses. */
  private static int authorityEnd(String s) {
    int depth = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (depth == 0 && "/?;#".indexOf(c) >= 0) {
        return k;
      }
    }
    return s.length();
  }

  private static final class HostPort {
    final String host;
    final Integer port;

    HostPort(String host, Integer port) {
      this.host = host == null || host.trim().isEmpty() ? null : host.trim();
      this.port = port;
    }
  }

  /** The first host of an authority, in any of the forms MySQL Connector/J accepts too. */
  private static HostPort firstHost(String authority) {
    String s = authority;
    int at = lastIndexOutside(s, '@');
    if (at >= 0) {
      s = s.substring(at + 1); // user:password@
    }
    int comma = indexOutside(s, ',');
    if (comma >= 0) {
      s = s.substring(0, comma);
    }
    s = s.trim();
    if (s.regionMatches(true, 0, "address=", 0, 8) || s.startsWith("(")) {
      // address=(host=h)(port=3307) and (host=h,port=3307,user=u)
      return new HostPort(keyValue(s, "host"), port(keyValue(s, "port")));
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        return new HostPort(null, null);
      }
      String inside = s.substring(1, close);
      if (!isIpv6(inside)) {
        return firstHost(inside); // MySQL host list: [h1:3306,h2:3307]
      }
      String after = s.substring(close + 1);
      return new HostPort(inside, after.startsWith(":") ? port(after.substring(1)) : null);
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      return new HostPort(s, null);
    }
    if (s.indexOf(':', colon + 1) >= 0) {
      return new HostPort(s, null); // IPv6 written without brackets
    }
    return new HostPort(s.substring(0, colon), port(s.substring(colon + 1)));
  }

  /** {@code key=value} inside {@code (...)} groups, separated by {@code ,} or {@code )(}. */
  private static String keyValue(String s, String key) {
    String lower = s.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int k = lower.indexOf(key, from);
      if (k < 0) {
        return null;
      }
      int eq = skipSpaces(s, k + key.length());
      char before = k == 0 ? '(' : s.charAt(prevNonSpace(s, k - 1));
      if (eq < s.length() && s.charAt(eq) == '=' && (before == '(' || before == ',')) {
        int start = eq + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) != ')' && s.charAt(end) != ',') {
          end++;
        }
        return s.substring(start, end).trim();
      }
      from = k + key.length();
    }
  }

  // ---- embedded and file databases

  private static DbConnectionInfo h2(String rest) {
    String s = until(rest, ";");
    if (s.regionMatches(true, 0, "tcp://", 0, 6) || s.regionMatches(true, 0, "ssl://", 0, 6)) {
      String afterScheme = s.substring(6);
      int end = authorityEnd(afterScheme);
      HostPort host = firstHost(afterScheme.substring(0, end));
      String db = baseName(afterScheme.substring(end));
      return info("h2database", db, host.host, orDefault(host, 9092), 9092);
    }
    return embedded("h2database", baseName(stripPrefixes(s)));
  }

  private static DbConnectionInfo hsqldb(String rest) {
    String s = until(rest, ";");
    String lower = s.toLowerCase(Locale.ROOT);
    String[] schemes = {"hsql://", "hsqls://", "http://", "https://"};
    int[] ports = {9001, 554, 80, 443};
    for (int k = 0; k < schemes.length; k++) {
      if (lower.startsWith(schemes[k])) {
        String afterScheme = s.substring(schemes[k].length());
        int end = authorityEnd(afterScheme);
        HostPort host = firstHost(afterScheme.substring(0, end));
        String db = baseName(afterScheme.substring(end));
        return info("hsqldb", db, host.host, orDefault(host, ports[k]), ports[k]);
      }
    }
    return embedded("hsqldb", baseName(stripPrefixes(s)));
  }

  private static DbConnectionInfo derby(String rest) {
    String s = until(rest, ";");
    if (s.startsWith("//")) {
      String afterSlashes = s.substring(2);
      int end = authorityEnd(afterSlashes);
      HostPort host = firstHost(afterSlashes.substring(0, end));
      String db = baseName(afterSlashes.substring(end));
      return info("derby", db, host.host, orDefault(host, 1527), 1527);
    }
    s = stripPrefixes(s);
    if (s.startsWith("(")) {
      s = s.substring(s.indexOf(')') + 1); // jar:(/path/archive.jar)db
    }
    return embedded("derby", baseName(s));
  }

  private static DbConnectionInfo sqlite(String rest) {
    String s = until(rest, "?");
    if (s.regionMatches(true, 0, "file:", 0, 5)) {
      s = s.substring(5);
    }
    // ":memory:" has no base name, so it gives null like an empty URL does.
    return embedded("sqlite", baseName(s));
  }

  /** Drops H2, HSQLDB and Derby storage prefixes: {@code mem:}, {@code file:}, {@code nio:}. */
  private static String stripPrefixes(String s) {
    String rest = s;
    while (true) {
      int colon = rest.indexOf(':');
      // A one-letter prefix is a Windows drive, part of the path.
      if (colon < 2) {
        return rest;
      }
      for (int k = 0; k < colon; k++) {
        if (!Character.isLetterOrDigit(rest.charAt(k))) {
          return rest;
        }
      }
      rest = rest.substring(colon + 1);
    }
  }

  /**
   * The last segment of a path without its extensions: {@code ~/data/shop.mv.db} gives {@code
   * shop}. File paths must not reach span names or attributes.
   */
  static String baseName(String path) {
    int start = 0;
    for (int k = 0; k < path.length(); k++) {
      char c = path.charAt(k);
      if (c == '/' || c == '\\' || c == ':' || c == '!') {
        start = k + 1;
      }
    }
    String name = path.substring(start);
    int dot = name.indexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name = name.trim();
    return name.isEmpty() || name.equals("~") || name.startsWith(".") ? null : name;
  }

  // ---- SQL Server

  /** {@code //host[\instance][:port][;property=value]...}. */
  private static DbConnectionInfo sqlServer(String rest) {
    if (!rest.startsWith("//")) {
      return info("microsoft.sql_server", null, null, null, 1433);
    }
    String s = rest.substring(2);
    int semi = s.indexOf(';');
    String hostPart = semi < 0 ? s : s.substring(0, semi);
    String properties = semi < 0 ? "" : s.substring(semi + 1);

    String instance = null;
    int backslash = hostPart.indexOf('\\');
    if (backslash >= 0) {
      String afterSlash = hostPart.substring(backslash + 1);
      int colon = afterSlash.indexOf(':');
      instance = colon < 0 ? afterSlash : afterSlash.substring(0, colon);
      hostPart = hostPart.substring(0, backslash) + (colon < 0 ? "" : afterSlash.substring(colon));
    }
    HostPort host = firstHost(hostPart);
    String hostName = firstNonNull(host.host, property(properties, "serverName"), "localhost");
    Integer port = host.port != null ? host.port : port(property(properties, "portNumber", "port"));
    instance = firstNonNull(emptyToNull(instance), property(properties, "instanceName"), null);
    String db = property(properties, "databaseName", "database");
    return sqlServerInfo(hostName, port, instance, db);
  }

  /** jTDS: {@code jdbc:jtds:sqlserver://host[:port][/database][;property=value]...}. */
  private static DbConnectionInfo jtds(String rest) {
    if (!rest.regionMatches(true, 0, "sqlserver:", 0, 10)) {
      return DbConnectionInfo.UNKNOWN; // jdbc:jtds:sybase is not SQL Server
    }
    DbConnectionInfo parsed = server("microsoft.sql_server", rest.substring(10), null, null, ";?");
    int semi = rest.indexOf(';');
    String instance = semi < 0 ? null : property(rest.substring(semi + 1), "instance");
    return sqlServerInfo(parsed.serverAddress(), parsed.serverPort(), instance, parsed.namespace());
  }

  private static DbConnectionInfo sqlServerInfo(
      String host, Integer explicitPort, String instance, String db) {
    // A named instance without a port is found through the SQL Browser service at connect time.
    Integer port = explicitPort != null ? explicitPort : instance != null ? null : (Integer) 1433;
    String namespace = db == null ? null : instance == null ? db : instance + "|" + db;
    return info("microsoft.sql_server", namespace, host, port, 1433);
  }

  /**
   * A {@code name=value} property of a {@code ;}-separated list; values in braces may hold
   * {@code ;}.
   */
  private static String property(String properties, String... names) {
    int k = 0;
    int length = properties.length();
    while (k < length) {
      int eq = properties.indexOf('=', k);
      if (eq < 0) {
        return null;
      }
      String name = properties.substring(k, eq).trim();
      int valueStart = eq + 1;
      int valueEnd;
      int next;
      if (valueStart < length && properties.charAt(valueStart) == '{') {
        int close = properties.indexOf('}', valueStart);
        valueEnd = close < 0 ? length : close;
        int semi = properties.indexOf(';', valueEnd);
        next = semi < 0 ? length : semi + 1;
        valueStart++;
      } else {
        int semi = properties.indexOf(';', valueStart);
        valueEnd = semi < 0 ? length : semi;
        next = valueEnd + 1;
      }
      for (String wanted : names) {
        if (name.equalsIgnoreCase(wanted)) {
          return emptyToNull(properties.substring(valueStart, valueEnd).trim());
        }
      }
      k = next;
    }
    return null;
  }

  // ---- Oracle

  /**
   * {@code thin:[user/password]@host:port:SID}, {@code @//host:port/service}, {@code
   * @host:port/service}, {@code @tcps://...} or {@code @(DESCRIPTION=...)}.
   */
  private static DbConnectionInfo oracle(String rest) {
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      return info("oracle.db", null, null, null, 1521);
    }
    String s = rest.substring(at + 1).trim();
    if (s.startsWith("(")) {
      HostPort host = new HostPort(keyValue(s, "host"), port(keyValue(s, "port")));
      String service = firstNonNull(keyValue(s, "service_name"), keyValue(s, "sid"), null);
      return info("oracle.db", service, host.host, orDefault(host, 1521), 1521);
    }
    s = until(s, "?");
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tcp://") || lower.startsWith("tcps://")) {
      s = s.substring(s.indexOf("//") + 2);
    } else if (s.startsWith("//")) {
      s = s.substring(2);
    } else if (s.indexOf(':') < 0 && s.indexOf('/') < 0) {
      return info("oracle.db", null, null, null, 1521); // a TNS alias names no host
    }
    int hostEnd = s.startsWith("[") ? s.indexOf(']') + 1 : 0;
    while (hostEnd < s.length() && s.charAt(hostEnd) != ':' && s.charAt(hostEnd) != '/') {
      hostEnd++;
    }
    String hostText = s.substring(0, hostEnd);
    if (hostText.startsWith("[") && hostText.endsWith("]")) {
      hostText = hostText.substring(1, hostText.length() - 1);
    }
    String after = s.substring(hostEnd);
    Integer port = null;
    String namespace = null;
    if (after.startsWith(":")) {
      int end = 1;
      while (end < after.length() && after.charAt(end) != ':' && after.charAt(end) != '/') {
        end++;
      }
      port = port(after.substring(1, end));
      after = after.substring(end);
    }
    if (after.startsWith(":")) {
      namespace = until(after.substring(1), ":/"); // SID
    } else if (after.startsWith("/")) {
      namespace = until(after.substring(1), ":/"); // service name
    }
    HostPort host = new HostPort(hostText, port);
    return info("oracle.db", namespace, host.host, orDefault(host, 1521), 1521);
  }

  // ---- small helpers

  private static DbConnectionInfo embedded(String system, String namespace) {
    return new DbConnectionInfo(system, namespace, null, null, false);
  }

  private static DbConnectionInfo info(
      String system, String namespace, String host, Integer port, Integer defaultPort) {
    Integer usedPort = host == null ? null : port;
    boolean isDefault = usedPort != null && usedPort.equals(defaultPort);
    return new DbConnectionInfo(system, databaseName(namespace), host, usedPort, isDefault);
  }

  /** A database name, or null when the text is empty or looks like a file path. */
  private static String databaseName(String name) {
    if (name == null || name.trim().isEmpty()) {
      return null;
    }
    return name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 ? null : name;
  }

  private static Integer orDefault(HostPort host, int defaultPort) {
    return host.port != null ? host.port : host.host == null ? null : (Integer) defaultPort;
  }

  /** A port number, or null when the text is not one. */
  private static Integer port(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > 5) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
        return null;
      }
    }
    int port = Integer.parseInt(digits);
    return port > 0 && port <= 65535 ? port : null;
  }

  /** At least two colons and hex digits, dots, or a {@code %zone} suffix. */
  private static boolean isIpv6(String s) {
    int colons = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '%') {
        break;
      }
      if (c == ':') {
        colons++;
      } else if (Character.digit(c, 16) < 0 && c != '.') {
        return false;
      }
    }
    return colons >= 2;
  }

  /** The text before the first of {@code terminators}. */
  private static String until(String s, String terminators) {
    for (int k = 0; k < s.length(); k++) {
      if (terminators.indexOf(s.charAt(k)) >= 0) {
        return s.substring(0, k);
      }
    }
    return s;
  }

  private static String stripLeading(String s, char c) {
    int k = 0;
    while (k < s.length() && s.charAt(k) == c) {
      k++;
    }
    return s.substring(k);
  }

  private static int indexOutside(String s, char wanted) {
    int depth = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == wanted && depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static int lastIndexOutside(String s, char wanted) {
    int depth = 0;
    int found = -1;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == wanted && depth == 0) {
        found = k;
      }
    }
    return found;
  }

  private static int skipSpaces(String s, int from) {
    int k = from;
    while (k < s.length() && s.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  private static int prevNonSpace(String s, int from) {
    int k = from;
    while (k > 0 && s.charAt(k) == ' ') {
      k--;
    }
    return k;
  }

  private static String emptyToNull(String s) {
    return s == null || s.trim().isEmpty() ? null : s;
  }

  private static String firstNonNull(String first, String second, String third) {
    return first != null ? first : second != null ? second : third;
  }
}
