package io.tracewire.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  private static AgentConfig config(Map<String, String> properties, Map<String, String> environment) {
    Properties props = new Properties();
    props.putAll(properties);
    return new AgentConfig(props, environment);
  }

  /** Runs {@code action} and returns what it printed on standard error. */
  private static <T> String stderrOf(Function<Void, T> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.apply(null);
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void propertyWinsOverEnvironmentWhichWinsOverDefault() {
    AgentConfig config =
        config(
            Map.of("otel.service.name", "from-property"),
            Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_BSP_MAX_QUEUE_SIZE", "99"));
    assertEquals("from-property", config.getString("otel.service.name", "default"));
    assertEquals(99, config.getInt("otel.bsp.max.queue.size", 2048));
    assertEquals(5, config.getInt("otel.bsp.max.export.batch.size", 5));
  }

  @Test
  void environmentNamesReplaceDotsAndDashes() {
    assertEquals(
        "OTEL_SEMCONV_STABILITY_OPT_IN", AgentConfig.environmentName("otel.semconv-stability.opt-in"));
  }

  @Test
  void blankCountsAsUnset() {
    AgentConfig config = config(Map.of("otel.service.name", "  "), Map.of());
    assertNull(config.raw("otel.service.name"));
  }

  @Test
  void badValuesWarnOnceAndFallBack() {
    AgentConfig config = config(Map.of("otel.bsp.max.queue.size", "lots"), Map.of());
    String err =
        stderrOf(
            ignored -> {
              assertEquals(2048, config.getInt("otel.bsp.max.queue.size", 2048));
              return config.getInt("otel.bsp.max.queue.size", 2048);
            });
    assertEquals(
        "tracewire: WARNING invalid value 'lots' for otel.bsp.max.queue.size (expected a whole number); using 2048\n",
        err);
  }

  @Test
  void booleansAreStrict() {
    AgentConfig config = config(Map.of("a", "TRUE", "b", "yes"), Map.of());
    assertTrue(config.getBoolean("a", false));
    String err = stderrOf(ignored -> config.getBoolean("b", false));
    assertTrue(err.contains("invalid value 'yes' for b (expected true or false); using false"), err);
  }

  @Test
  void durationsTakeUnits() {
    assertEquals(Duration.ofMillis(500), AgentConfig.parseDuration("500"));
    assertEquals(Duration.ofMillis(500), AgentConfig.parseDuration("500ms"));
    assertEquals(Duration.ofSeconds(10), AgentConfig.parseDuration("10s"));
    assertEquals(Duration.ofMinutes(2), AgentConfig.parseDuration("2m"));
    assertNull(AgentConfig.parseDuration("soon"));
    assertNull(AgentConfig.parseDuration("10 parsecs"));
    AgentConfig config = config(Map.of("t", "0"), Map.of());
    String err = stderrOf(ignored -> config.getDuration("t", Duration.ofSeconds(1)));
    assertTrue(err.contains("invalid value '0' for t"), err);
  }

  @Test
  void aMalformedHeaderIsNamedByItsPositionNeverByItsValue() {
    AgentConfig config =
        config(Map.of("otel.exporter.otlp.headers", "x-team=core,Authorization: Bearer t0ken"), Map.of());
    String err = stderrOf(ignored -> config.getSecretMap("otel.exporter.otlp.headers"));
    assertFalse(err.contains("t0ken"), err);
    assertTrue(err.contains("invalid entry 2 (not shown) in otel.exporter.otlp.headers (expected key=value); skipped"), err);
    assertEquals(Map.of("x-team", "core"), config.getSecretMap("otel.exporter.otlp.headers"));
  }

  @Test
  void listsAndMaps() {
    AgentConfig config =
        config(
            Map.of(
                "list", " a, ,b ,c",
                "map", "service.version=1.2, team=core%20team,broken"),
            Map.of());
    assertEquals(List.of("a", "b", "c"), config.getList("list"));
    String err =
        stderrOf(
            ignored -> {
              assertEquals(
                  Map.of("service.version", "1.2", "team", "core team"), config.getMap("map"));
              return null;
            });
    assertTrue(err.contains("invalid entry 'broken' in map"), err);
  }

  @Test
  void choicesAreCaseInsensitive() {
    AgentConfig config = config(Map.of("c", "GZIP", "d", "zstd"), Map.of());
    assertEquals("gzip", config.getChoice("c", "none", List.of("gzip", "none")));
    String err = stderrOf(ignored -> config.getChoice("d", "none", List.of("gzip", "none")));
    assertTrue(err.contains("invalid value 'zstd' for d (expected one of gzip, none); using none"), err);
    assertFalse(err.isEmpty());
  }
}
