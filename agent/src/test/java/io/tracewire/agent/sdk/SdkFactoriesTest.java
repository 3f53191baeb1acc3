package io.tracewire.agent.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.tracewire.agent.config.AgentConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SdkFactoriesTest {

  private static AgentConfig config(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return new AgentConfig(properties, Map.of());
  }

  private static Map<String, String> inject(ContextPropagators propagators, Context context) {
    Map<String, String> carrier = new HashMap<>();
    propagators.getTextMapPropagator().inject(context, carrier, (map, key, value) -> map.put(key, value));
    return carrier;
  }

  private static Context sampledSpanWithBaggage() {
    SpanContext span =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    return Context.root()
        .with(io.opentelemetry.api.trace.Span.wrap(span))
        .with(Baggage.builder().put("user.id", "42").build());
  }

  @Test
  void theProcessIdIsTheJvmsOwn() {
    org.junit.jupiter.api.Assertions.assertEquals(ProcessHandle.current().pid(), ResourceFactory.pid());
  }

  @Test
  void defaultPropagatorsAreTraceContextAndBaggage() {
    Map<String, String> headers = inject(PropagatorFactory.create(config()), sampledSpanWithBaggage());
    assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", headers.get("traceparent"));
    assertEquals("user.id=42", headers.get("baggage"));
  }

  @Test
  void b3PropagatorsOnRequest() {
    Map<String, String> single = inject(PropagatorFactory.create(config("otel.propagators", "b3")), sampledSpanWithBaggage());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1", single.get("b3"));
    Map<String, String> multi =
        inject(PropagatorFactory.create(config("otel.propagators", "b3multi,bogus")), sampledSpanWithBaggage());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", multi.get("X-B3-TraceId"));
    assertFalse(multi.containsKey("traceparent"));
  }

  @Test
  void samplers() {
    assertTrue(SamplerFactory.create(config()).getDescription().startsWith("ParentBased{root:AlwaysOnSampler"));
    assertEquals("AlwaysOffSampler", SamplerFactory.create(config("otel.traces.sampler", "always_off")).getDescription());
    assertTrue(
        SamplerFactory.create(config("otel.traces.sampler", "parentbased_traceidratio", "otel.traces.sampler.arg", "0.25"))
            .getDescription()
            .contains("TraceIdRatioBased{0.250000}"));
    assertTrue(
        SamplerFactory.create(config("otel.traces.sampler", "traceidratio", "otel.traces.sampler.arg", "7"))
            .getDescription()
            .contains("TraceIdRatioBased{1.000000}"));
  }

  @Test
  void baggageEntriesBecomeAttributes() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new BaggageAttributesSpanProcessor(List.of("user.id", "order.id")))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    provider.get("test").spanBuilder("work").setParent(sampledSpanWithBaggage()).startSpan().end();
    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertEquals("42", span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("user.id")));
    assertEquals(1, span.getAttributes().size());
  }

  @Test
  void nothingExportedMeansADisabledTracerEvenWithBaggageAttributes() {
    AgentSdk silent =
        AgentSdk.create(
            config("otel.traces.exporter", "none", "otel.instrumentation.baggage.attributes", "user.id"), "test");
    AgentSdk exporting = AgentSdk.create(config("otel.traces.exporter", "console"), "test");
    try {
      assertFalse(silent.getTracer("io.tracewire.jdbc").isEnabled());
      assertTrue(exporting.getTracer("io.tracewire.jdbc").isEnabled());
    } finally {
      silent.shutdown();
      exporting.shutdown();
    }
  }

  @Test
  void spanLimitsDefaultToOpenTelemetrysAndFollowTheSettings() {
    assertEquals(
        io.opentelemetry.sdk.trace.SpanLimits.getDefault(), AgentSdk.spanLimits(new SdkSettings(config())));
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSpanLimits(
                AgentSdk.spanLimits(
                    new SdkSettings(
                        config(
                            "otel.attribute.value.length.limit", "5",
                            "otel.attribute.count.limit", "9",
                            "otel.span.attribute.count.limit", "2",
                            "otel.span.event.count.limit", "1",
                            "otel.span.link.count.limit", "1"))))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    SpanContext linked = Span.fromContext(sampledSpanWithBaggage()).getSpanContext();
    provider.get("test").spanBuilder("work")
        .setAttribute("a", "abcdefgh").setAttribute("b", "b").setAttribute("c", "c")
        .addLink(linked).addLink(linked)
        .startSpan()
        .addEvent("one").addEvent("two")
        .end();
    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertEquals(2, span.getAttributes().size());
    assertEquals("abcde", span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("a")));
    assertEquals(1, span.getEvents().size());
    assertEquals(1, span.getLinks().size());
  }

  @Test
  void malformedSpanLimitsAreNamedAndTheDefaultsUsed() {
    String err =
        stderrOf(
            () ->
                assertEquals(
                    io.opentelemetry.sdk.trace.SpanLimits.getDefault(),
                    AgentSdk.spanLimits(
                        new SdkSettings(
                            config(
                                "otel.attribute.value.length.limit", "short",
                                "otel.span.event.count.limit", "0")))));
    assertTrue(err.contains("invalid value 'short' for otel.attribute.value.length.limit (expected a whole number of at least 0); using no limit"), err);
    assertTrue(err.contains("invalid value '0' for otel.span.event.count.limit (expected a whole number of at least 1); using 128"), err);
  }

  @Test
  void exceptionStackTracesAreBounded() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    IllegalStateException deep = new IllegalStateException("deep");
    StackTraceElement[] frames = new StackTraceElement[5000];
    java.util.Arrays.fill(frames, new StackTraceElement("com.acme.Deep", "descend", "Deep.java", 42));
    deep.setStackTrace(frames);
    Span span = provider.get("test").spanBuilder("work").startSpan();
    io.tracewire.instrumentation.api.SpanErrors.record(span, deep, message -> message);
    span.end();
    String stackTrace =
        exporter.getFinishedSpanItems().get(0).getEvents().get(0).getAttributes()
            .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.stacktrace"));
    assertEquals(io.tracewire.instrumentation.api.SpanErrors.MAX_STACKTRACE_LENGTH, stackTrace.length());
    assertTrue(stackTrace.startsWith("java.lang.IllegalStateException: deep\n\tat com.acme.Deep.descend(Deep.java:42)\n"));
  }

  /** An exception of a library whose messages carry secrets. */
  private static final class LeakyLibraryException extends RuntimeException {
    LeakyLibraryException(String message) {
      super(message);
    }
  }

  @Test
  void aModulesMessageSanitizerAppliesWhereverItsExceptionIsInTheCauseChain() {
    io.tracewire.instrumentation.api.SpanErrors.sanitizeMessagesOf(
        LeakyLibraryException.class, message -> message.replace("hunter2", "?"));
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    RuntimeException wrapped =
        new IllegalStateException("failed: hunter2", new LeakyLibraryException("password hunter2"));
    Span first = provider.get("test").spanBuilder("wrapped").startSpan();
    io.tracewire.instrumentation.api.SpanErrors.record(first, wrapped, message -> message);
    first.end();
    Span second = provider.get("test").spanBuilder("unrelated").startSpan();
    io.tracewire.instrumentation.api.SpanErrors.record(second, new IllegalStateException("hunter2"), message -> message);
    second.end();
    io.opentelemetry.api.common.Attributes sanitized = exporter.getFinishedSpanItems().get(0).getEvents().get(0).getAttributes();
    assertEquals("failed: ?", sanitized.get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.message")));
    assertFalse(sanitized.get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.stacktrace")).contains("hunter2"));
    io.opentelemetry.api.common.Attributes untouched = exporter.getFinishedSpanItems().get(1).getEvents().get(0).getAttributes();
    assertEquals("hunter2", untouched.get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.message")));
  }

  @Test
  void copiedBaggageValuesAreBounded() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new BaggageAttributesSpanProcessor(List.of("user.id")))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Context huge = Context.root().with(Baggage.builder().put("user.id", "x".repeat(100_000)).build());
    provider.get("test").spanBuilder("work").setParent(huge).startSpan().end();
    String copied =
        exporter.getFinishedSpanItems().get(0).getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("user.id"));
    assertEquals(BaggageAttributesSpanProcessor.MAX_VALUE_LENGTH, copied.length());
  }

  @Test
  void printedEndpointsHideCredentialsAndQueryValues() {
    String err =
        stderrOf(
            () -> {
              AgentConfig config =
                  config(
                      "otel.traces.exporter", "otlp,zipkin",
                      "otel.exporter.otlp.traces.endpoint", "https://user:s3cret@collector:4318/v1/traces?token=t0ken",
                      "otel.exporter.zipkin.endpoint", "zipkin-without-scheme:pa55@host/?sig=abc");
              assertEquals(
                  "otlp https://REDACTED:REDACTED@collector:4318/v1/traces?token=REDACTED, zipkin http://localhost:9411/api/v2/spans",
                  new ExporterSettings(config).describe());
            });
    assertFalse(err.contains("pa55") || err.contains("abc"), err);
    assertTrue(err.contains("invalid value 'REDACTED:REDACTED@host/?sig=REDACTED' for otel.exporter.zipkin.endpoint"), err);
  }

  /** Runs {@code action} and returns what it printed on standard error. */
  private static String stderrOf(Runnable action) {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void serviceNameDefaultsToJarOrMainClass() {
    assertEquals("orders", ResourceFactory.defaultServiceName("/srv/app/orders.jar --port 80"));
    assertEquals("ShopDemo", ResourceFactory.defaultServiceName("io.tracewire.demo.ShopDemo arg"));
    assertEquals("unknown_service:java", ResourceFactory.defaultServiceName(null));
  }

  @Test
  void otlpEndpointGetsTheTracesPath() {
    ExporterSettings factory = new ExporterSettings(config("otel.exporter.otlp.endpoint", "http://collector:4318/"));
    assertEquals("http://collector:4318/v1/traces", factory.otlpTracesEndpoint());
    ExporterSettings specific =
        new ExporterSettings(config("otel.exporter.otlp.traces.endpoint", "https://x:443/custom"));
    assertEquals("https://x:443/custom", specific.otlpTracesEndpoint());
    ExporterSettings bad = new ExporterSettings(config("otel.exporter.otlp.endpoint", "collector:4318"));
    assertEquals("http://localhost:4318/v1/traces", bad.otlpTracesEndpoint());
  }

  @Test
  void exporterNames() {
    assertEquals(List.of("otlp"), List.copyOf(new ExporterSettings(config()).exporterNames()));
    assertEquals(List.of("console"), List.copyOf(new ExporterSettings(config("otel.traces.exporter", "logging")).exporterNames()));
    assertEquals(
        List.of("otlp", "zipkin"), List.copyOf(new ExporterSettings(config("otel.traces.exporter", "otlp,zipkin,none")).exporterNames()));
  }

  @Test
  void refusedConnectionsAndTimeoutsAreNotRetried() {
    assertFalse(ExporterFactory.isWorthRetrying(new ConnectException("refused")));
    assertFalse(ExporterFactory.isWorthRetrying(new java.net.SocketTimeoutException("Read timed out")));
    assertTrue(ExporterFactory.isWorthRetrying(new IOException("Connection reset")));
  }
}
