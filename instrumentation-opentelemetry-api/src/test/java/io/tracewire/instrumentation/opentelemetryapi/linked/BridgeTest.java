package io.tracewire.instrumentation.opentelemetryapi.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.api.trace.StatusCode;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;
import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracewire.instrumentation.opentelemetryapi.TestAgent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge in one JVM, without weaving: the application's API ({@code application.io...}) on
 * the agent's SDK ({@code io.opentelemetry}), through the storage and instance the woven {@code
 * ContextStorage.get()} and {@code GlobalOpenTelemetry.get()} hand out.
 */
class BridgeTest {

  private static final TestAgent AGENT = TestAgent.installed();
  private final BridgedContextStorage storage = BridgedContextStorage.INSTANCE;
  private final io.opentelemetry.api.trace.Tracer agentTracer = AGENT.tracer();
  private Tracer tracer;

  @BeforeEach
  void setUp() {
    AGENT.exporter.reset();
    tracer = bridged().getTracer("shop", "1.0");
  }

  private static OpenTelemetry bridged() {
    return (OpenTelemetry) new GlobalOpenTelemetryInterceptor().onReturn(null, null, OpenTelemetry.noop());
  }

  @Test
  void theApplicationSeesTheAgentsCurrentSpanAndWritesToIt() {
    io.opentelemetry.api.trace.Span server = agentTracer.spanBuilder("GET /orders").startSpan();
    try (io.opentelemetry.context.Scope ignored = server.makeCurrent()) {
      Span current = Span.fromContext(storage.current());
      assertEquals(server.getSpanContext().getSpanId(), current.getSpanContext().getSpanId());
      current.setAttribute("order.id", 42L).setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"));
    } finally {
      server.end();
    }
    SpanData exported = AGENT.span("GET /orders");
    assertEquals(42L, exported.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("order.id")));
    assertEquals(
        List.of("a", "b"),
        exported.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringArrayKey("tags")));
  }

  @Test
  void aSpanTheApplicationMakesCurrentIsTheAgentsParent() {
    Span checkout = tracer.spanBuilder("checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = storage.attach(storage.current().with(checkout))) {
      agentTracer.spanBuilder("SELECT orders").startSpan().end();
      assertEquals(checkout, Span.fromContext(storage.current()));
    } finally {
      checkout.end();
    }
    assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid());
    assertSame(storage.root(), storage.current());
    SpanData parent = AGENT.span("checkout");
    assertEquals("shop", parent.getInstrumentationScopeInfo().getName());
    assertEquals(io.opentelemetry.api.trace.SpanKind.SERVER, parent.getKind());
    assertEquals(parent.getSpanId(), AGENT.span("SELECT orders").getParentSpanId());
  }

  @Test
  void anApplicationSpanOfItsOwnStaysItselfUntilTheAgentMakesAnotherCurrent() {
    Span own = new OwnSpan(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), TraceState.getDefault()));
    try (Scope ignored = storage.attach(storage.current().with(own))) {
      assertSame(own, Span.fromContext(storage.current()));
      io.opentelemetry.api.trace.Span child = agentTracer.spanBuilder("child").startSpan();
      assertEquals("0af7651916cd43dd8448eb211c80319c", child.getSpanContext().getTraceId());
      try (io.opentelemetry.context.Scope inner = child.makeCurrent()) {
        assertEquals(child.getSpanContext().getSpanId(), Span.fromContext(storage.current()).getSpanContext().getSpanId());
      } finally {
        child.end();
      }
    }
    assertEquals("b7ad6b7169203331", AGENT.span("child").getParentSpanId());
  }

  @Test
  void theApplicationsOwnKeysTravelInTheAgentsContext() {
    ContextKey<String> tenant = ContextKey.named("tenant");
    io.opentelemetry.context.Context captured;
    try (Scope ignored = storage.attach(storage.current().with(tenant, "acme"))) {
      // What an executor hand-over keeps: the agent's context.
      captured = io.opentelemetry.context.Context.current();
    }
    assertNull(storage.current().get(tenant));
    try (io.opentelemetry.context.Scope ignored = captured.makeCurrent()) {
      assertEquals("acme", storage.current().get(tenant));
      assertEquals("acme", storage.current().with(tenant, "other").with(tenant, "acme").get(tenant));
    }
  }

  @Test
  void baggageIsOneForBoth() {
    Baggage baggage = Baggage.builder().put("user.id", "u-1").build();
    try (Scope ignored = storage.attach(storage.current().with(baggage))) {
      assertEquals("u-1", io.opentelemetry.api.baggage.Baggage.current().getEntryValue("user.id"));
    }
    io.opentelemetry.api.baggage.Baggage agents =
        io.opentelemetry.api.baggage.Baggage.builder().put("order.id", "7").build();
    try (io.opentelemetry.context.Scope ignored = agents.makeCurrent()) {
      assertEquals("7", Baggage.fromContext(storage.current()).getEntryValue("order.id"));
    }
    assertTrue(Baggage.fromContext(storage.current()).isEmpty());
  }

  @Test
  void aContextTheBridgeDidNotMakeKeepsItsSpanAndKeys() {
    ContextKey<String> tenant = ContextKey.named("tenant");
    // Not bridged in this test: the API's own storage and root, as in API 1.0.
    Context foreign = Context.root().with(tenant, "acme").with(Span.wrap(SpanContext.create(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault())));
    try (Scope ignored = storage.attach(foreign)) {
      assertEquals("acme", storage.current().get(tenant));
      assertEquals(
          "b7ad6b7169203331", io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId());
    }
  }

  @Test
  void spansRecordWhatTheApplicationTellsThem() {
    Span span =
        tracer
            .spanBuilder("work")
            .setNoParent()
            .setAttribute("a", "b")
            .setAttribute(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
            .startSpan();
    span.addEvent("step", Attributes.of(AttributeKey.longKey("n"), 1L));
    span.recordException(new IllegalStateException("boom"));
    span.setStatus(StatusCode.ERROR, "failed");
    span.updateName("renamed");
    assertTrue(span.isRecording());
    span.end();
    SpanData exported = AGENT.span("renamed");
    assertEquals("b", exported.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("a")));
    assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, exported.getStatus().getStatusCode());
    assertEquals("failed", exported.getStatus().getDescription());
    assertEquals(List.of("step", "exception"), exported.getEvents().stream().map(e -> e.getName()).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void theApplicationsOwnSdkIsHandedOutUnchanged() {
    OpenTelemetry own = new OpenTelemetry() {
      private final TracerProvider provider =
          new TracerProvider() {
            @Override
            public Tracer get(String name) {
              return null;
            }

            @Override
            public Tracer get(String name, String version) {
              return null;
            }
          };

      @Override
      public TracerProvider getTracerProvider() {
        return provider;
      }

      @Override
      public application.io.opentelemetry.context.propagation.ContextPropagators getPropagators() {
        return application.io.opentelemetry.context.propagation.ContextPropagators.noop();
      }
    };
    assertSame(own, new GlobalOpenTelemetryInterceptor().onReturn(null, null, own));
    assertTrue(bridged() instanceof BridgedOpenTelemetry);
    assertSame(storage, new ContextStorageInterceptor().onReturn(null, null, null));
  }

  @Test
  void theAgentsPropagatorsInjectAndExtract() {
    Span span = tracer.spanBuilder("client").startSpan();
    Map<String, String> headers = new HashMap<>();
    Context context = storage.current().with(span).with(Baggage.builder().put("user.id", "u-1").build());
    bridged().getPropagators().getTextMapPropagator().inject(context, headers, Map::put);
    span.end();
    assertEquals("00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-"
        + span.getSpanContext().getTraceFlags().asHex(),
        headers.get("traceparent"));
    assertEquals("user.id=u-1", headers.get("baggage"));
    Context extracted =
        bridged().getPropagators().getTextMapPropagator().extract(storage.root(), headers, new MapGetter());
    assertEquals(span.getSpanContext().getSpanId(), Span.fromContext(extracted).getSpanContext().getSpanId());
    assertTrue(Span.fromContext(extracted).getSpanContext().isRemote());
    assertEquals("u-1", Baggage.fromContext(extracted).getEntryValue("user.id"));
  }

  private static final class MapGetter
      implements application.io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key);
    }
  }

  /** A span of the application's own SDK, as far as the bridge can tell. */
  private static final class OwnSpan implements Span {
    private final SpanContext context;

    OwnSpan(SpanContext context) {
      this.context = context;
    }

    @Override
    public <T> Span setAttribute(AttributeKey<T> key, T value) {
      return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes) {
      return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes, long timestamp, java.util.concurrent.TimeUnit unit) {
      return this;
    }

    @Override
    public Span setStatus(StatusCode statusCode, String description) {
      return this;
    }

    @Override
    public Span recordException(Throwable exception, Attributes additionalAttributes) {
      return this;
    }

    @Override
    public Span updateName(String name) {
      return this;
    }

    @Override
    public void end() {}

    @Override
    public void end(long timestamp, java.util.concurrent.TimeUnit unit) {}

    @Override
    public SpanContext getSpanContext() {
      return context;
    }

    @Override
    public boolean isRecording() {
      return true;
    }
  }
}
