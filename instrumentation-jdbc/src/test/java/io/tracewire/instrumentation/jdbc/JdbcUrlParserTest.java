package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // url | system | namespace | address | port | default port
        "jdbc:postgresql://host:5433/db?user=x&password=y | postgresql | db | host | 5433 | false",
        "jdbc:postgresql://host/db | postgresql | db | host | 5432 | true",
        "jdbc:postgresql://host:5432/db | postgresql | db | host | 5432 | true",
        "jdbc:postgresql:db | postgresql | db | localhost | 5432 | true",
        "jdbc:postgresql:/ | postgresql | | localhost | 5432 | true",
        "jdbc:postgresql://h1:5432,h2:5433/db | postgresql | db | h1 | 5432 | true",
        "jdbc:postgresql://[::1]:5433/db | postgresql | db | ::1 | 5433 | false",
        "jdbc:postgresql://[fe80::1%eth0]/db | postgresql | db | fe80::1%eth0 | 5432 | true",
        "jdbc:postgresql://host/ | postgresql | | host | 5432 | true",
        "jdbc:mysql://host:3307/shop | mysql | shop | host | 3307 | false",
        "jdbc:mysql://user:pw@host/shop?password=x | mysql | shop | host | 3306 | true",
        "jdbc:mysql:loadbalance://h1:3310,h2/shop | mysql | shop | h1 | 3310 | false",
        "jdbc:mysql:replication://h1,h2/shop | mysql | shop | h1 | 3306 | true",
        "jdbc:mysql://address=(host=h)(port=3311)(user=u)/shop | mysql | shop | h | 3311 | false",
        "jdbc:mysql://(host=h,port=3312,password=p)/shop | mysql | shop | h | 3312 | false",
        "jdbc:mysql://[db1:3306,db2:3307]/shop | mysql | shop | db1 | 3306 | true",
        "jdbc:mysql:///shop | mysql | shop | localhost | 3306 | true",
        "jdbc:mysql+srv://cluster.example.com/shop | mysql | shop | cluster.example.com | |"
            + " false",
        "jdbc:mariadb://host:3306/db | mariadb | db | host | 3306 | true",
        "jdbc:mariadb:replication://h1:3307,h2/db | mariadb | db | h1 | 3307 | false",
        "jdbc:mariadb:sequential://h1/db?user=u | mariadb | db | h1 | 3306 | true",
        "jdbc:h2:mem:test | h2database | test | | | false",
        "jdbc:h2:mem: | h2database | | | | false",
        "jdbc:h2:~/data/test | h2database | test | | | false",
        "jdbc:h2:./data/test.mv.db | h2database | test | | | false",
        "jdbc:h2:file:/tmp/x;MODE=PostgreSQL | h2database | x | | | false",
        "jdbc:h2:C:/data/shop;AUTO_SERVER=TRUE | h2database | shop | | | false",
        "jdbc:h2:zip:~/db.zip!/test | h2database | test | | | false",
        "jdbc:h2:tcp://localhost:9092/~/test | h2database | test | localhost | 9092 | true",
        "jdbc:h2:tcp://dbhost/mem:shop;USER=sa | h2database | shop | dbhost | 9092 | true",
        "jdbc:h2:ssl://dbhost:9101/data/shop | h2database | shop | dbhost | 9101 | false",
        "jdbc:hsqldb:mem:x | hsqldb | x | | | false",
        "jdbc:hsqldb:file:/var/db/shop;ifexists=true | hsqldb | shop | | | false",
        "jdbc:hsqldb:hsql://host/xdb | hsqldb | xdb | host | 9001 | true",
        "jdbc:hsqldb:hsql://host:9002/xdb | hsqldb | xdb | host | 9002 | false",
        "jdbc:derby:memory:x;create=true | derby | x | | | false",
        "jdbc:derby:/opt/db/shop;create=true | derby | shop | | | false",
        "jdbc:derby:jar:(/lib/dbs.jar)products | derby | products | | | false",
        "jdbc:derby://host:1527/db;create=true;user=a;password=b | derby | db | host | 1527 | true",
        "jdbc:derby://host/db | derby | db | host | 1527 | true",
        "jdbc:sqlite:/path/to.db | sqlite | to | | | false",
        "jdbc:sqlite:C:/data/app.sqlite | sqlite | app | | | false",
        "jdbc:sqlite::memory: | sqlite | | | | false",
        "jdbc:sqlite: | sqlite | | | | false",
        "jdbc:sqlite:file:notes.db?mode=ro | sqlite | notes | | | false",
        "jdbc:sqlserver://host:1433;databaseName=db;user=u;password={a;b} | microsoft.sql_server"
            + " | db | host | 1433 | true",
        "jdbc:sqlserver://host:1444;database=db | microsoft.sql_server | db | host | 1444 | false",
        "jdbc:sqlserver://host\\SQLEXPRESS;databaseName=db | microsoft.sql_server | ~SQLEXPRESS|db~"
            + " | host | | false",
        "jdbc:sqlserver://host\\SQLEXPRESS:1500;databaseName=db | microsoft.sql_server |"
            + " ~SQLEXPRESS|db~ | host | 1500 | false",
        "jdbc:sqlserver://;serverName=h;portNumber=1500;databaseName=db | microsoft.sql_server |"
            + " db | h | 1500 | false",
        "jdbc:sqlserver://host | microsoft.sql_server | | host | 1433 | true",
        "jdbc:jtds:sqlserver://host:1444/db;instance=inst;user=x | microsoft.sql_server |"
            + " ~inst|db~ | host | 1444 | false",
        "jdbc:jtds:sqlserver://host/db | microsoft.sql_server | db | host | 1433 | true",
        "jdbc:oracle:thin:@host:1521:SID | oracle.db | SID | host | 1521 | true",
        "jdbc:oracle:thin:@//host:1522/service | oracle.db | service | host | 1522 | false",
        "jdbc:oracle:thin:@host/service | oracle.db | service | host | 1521 | true",
        "jdbc:oracle:thin:scott/tiger@host:1521/svc | oracle.db | svc | host | 1521 | true",
        "jdbc:oracle:thin:@tcps://host:2484/svc?wallet_location=/w | oracle.db | svc | host |"
            + " 2484 | false",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora.example.com)(PORT=1530))"
            + "(CONNECT_DATA=(SERVICE_NAME=orcl))) | oracle.db | orcl | ora.example.com | 1530 |"
            + " false",
        "jdbc:oracle:thin:@( description = (address = (host = h)(port = 1521))(connect_data ="
            + " (sid = X))) | oracle.db | X | h | 1521 | true",
        "jdbc:oracle:thin:@tns_alias | oracle.db | | | | false",
        "jdbc:oracle:oci:@ | oracle.db | | | | false",
        "jdbc:db2://host:50000/db:currentSchema=x; | ibm.db2 | db | host | 50000 | true",
        "jdbc:db2://host:50001/db | ibm.db2 | db | host | 50001 | false",
        "jdbc:db2:localdb | ibm.db2 | localdb | | | false",
        "jdbc:p6spy:postgresql://host/db | postgresql | db | host | 5432 | true",
        "jdbc:tracing:mysql://host/db | mysql | db | host | 3306 | true",
        "jdbc:otel:mariadb://host:3307/db | mariadb | db | host | 3307 | false",
        "jdbc:aws-wrapper:mysql://db.cluster.example/shop | mysql | shop | db.cluster.example |"
            + " 3306 | true",
        "jdbc:tc:postgresql:15-alpine:///shop | postgresql | shop | localhost | 5432 | true",
        "JDBC:PostgreSQL://Host/Db | postgresql | Db | Host | 5432 | true",
        "jdbc:clickhouse://ch:8123/default | other_sql | default | ch | 8123 | false",
        "jdbc:firebirdsql:localhost/3050:/db/employee.fdb | other_sql | | | | false",
        "jdbc:postgresql://host:notaport/db | postgresql | db | host | 5432 | true",
      })
  void parses(
      String url,
      String system,
      String namespace,
      String address,
      Integer port,
      boolean defaultPort) {
    DbConnectionInfo info = JdbcUrlParser.parse(url);
    assertEquals(system, info.system(), "system");
    assertEquals(namespace, info.namespace(), "namespace");
    assertEquals(address, info.serverAddress(), "address");
    assertEquals(port, info.serverPort(), "port");
    assertEquals(defaultPort, info.isDefaultPort(), "default port");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://host/db?user=alice7&password=Pa55word",
        "jdbc:mysql://alice7:Pa55word@host:3306/db",
        "jdbc:mysql://(host=h,user=alice7,password=Pa55word)/db",
        "jdbc:mariadb://host/db?user=alice7&password=Pa55word",
        "jdbc:sqlserver://host;databaseName=db;user=alice7;password={Pa55word;x}",
        "jdbc:oracle:thin:alice7/Pa55word@//host:1521/svc",
        "jdbc:derby://host/db;user=alice7;password=Pa55word",
        "jdbc:h2:tcp://host/~/db;USER=alice7;PASSWORD=Pa55word",
        "jdbc:db2://host:50000/db:user=alice7;password=Pa55word;",
        "jdbc:jtds:sqlserver://host/db;user=alice7;password=Pa55word",
      })
  void neverReturnsCredentials(String url) {
    String info = JdbcUrlParser.parse(url).toString();
    assertFalse(info.contains("alice7"), info);
    assertFalse(info.contains("Pa55word"), info);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "garbage", "jdbc:", "jdbc", "postgresql://host/db", "jdbc:x"})
  void unknownForGarbage(String url) {
    assertSame(DbConnectionInfo.UNKNOWN, JdbcUrlParser.parse(url));
  }

  @Test
  void unknownForNull() {
    assertSame(DbConnectionInfo.UNKNOWN, JdbcUrlParser.parse(null));
    assertEquals("other_sql", DbConnectionInfo.UNKNOWN.system());
  }

  @Test
  void neverThrowsOnRandomUrls() {
    String[] prefixes = {
      "jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:", "jdbc:h2:", "jdbc:hsqldb:",
      "jdbc:derby:", "jdbc:sqlite:", "jdbc:sqlserver:", "jdbc:jtds:sqlserver:",
      "jdbc:oracle:thin:", "jdbc:db2:", "jdbc:p6spy:", "jdbc:"
    };
    String alphabet = "/:@[](),;?&={}\\.%#~!ab01 hostportHOSTPORTsid";
    Random random = new Random(1521L);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder url = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) {
        url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      DbConnectionInfo info = JdbcUrlParser.parse(url.toString());
      assertNotNull(info.system(), url.toString());
    }
  }

  @Test
  void connectionInfoIsAValue() {
    DbConnectionInfo one = JdbcUrlParser.parse("jdbc:postgresql://host/db");
    DbConnectionInfo two = JdbcUrlParser.parse("jdbc:postgresql://host:5432/db?ssl=true");
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertFalse(one.equals(JdbcUrlParser.parse("jdbc:postgresql://other/db")));
  }
}
