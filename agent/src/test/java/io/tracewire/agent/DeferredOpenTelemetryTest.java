package io.tracewire.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeferredOpenTelemetryTest {

  /** Far more than "a few milliseconds", far less than the old 10 s wait. */
  private static final long NO_WAIT_MILLIS = 200;

  private final Promise<OpenTelemetry> sdk = new Promise<>();
  private final DeferredOpenTelemetry deferred = new DeferredOpenTelemetry(sdk);
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();

  @Test
  void spansBeforeTheSdkNeverWaitAndALateSdkIsPickedUp() {
    Tracer tracer = deferred.getTracer("io.tracewire.jdbc", "1");
    long started = System.nanoTime();
    Span early = tracer.spanBuilder("early").startSpan();
    early.end();
    assertFalse(early.getSpanContext().isValid());
    assertTrue(millisSince(started) < NO_WAIT_MILLIS, "the first span waited for the SDK");

    sdk.complete(sdkExportingTo(exported));
    tracer.spanBuilder("late").startSpan().end();

    assertEquals(1, exported.getFinishedSpanItems().size());
    assertEquals("late", exported.getFinishedSpanItems().get(0).getName());
  }

  @Test
  void propagationBeforeTheSdkNeverWaitsAndStartsOnceItIsThere() {
    TextMapPropagator propagator = deferred.getPropagators().getTextMapPropagator();
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    long started = System.nanoTime();
    Context extracted = propagator.extract(Context.root(), headers, MapGetter.INSTANCE);
    Map<String, String> injected = new HashMap<>();
    propagator.inject(Context.root().with(Span.wrap(Span.fromContext(extracted).getSpanContext())), injected, Map::put);
    assertTrue(millisSince(started) < NO_WAIT_MILLIS, "propagation waited for the SDK");
    assertFalse(Span.fromContext(extracted).getSpanContext().isValid());
    assertTrue(injected.isEmpty());

    sdk.complete(sdkExportingTo(exported));
    Context later = propagator.extract(Context.root(), headers, MapGetter.INSTANCE);
    assertEquals("0af7651916cd43dd8448eb211c80319c", Span.fromContext(later).getSpanContext().getTraceId());
    propagator.inject(later, injected, Map::put);
    assertTrue(injected.get("traceparent").contains("0af7651916cd43dd8448eb211c80319c"));
  }

  @Test
  void theInstallerWaitsForTheSdkBoundedOnly() {
    long started = System.nanoTime();
    assertFalse(deferred.awaitSdk(50, TimeUnit.MILLISECONDS));
    assertTrue(millisSince(started) < 1000);
    new Thread(() -> sdk.complete(sdkExportingTo(exported))).start();
    assertTrue(deferred.awaitSdk(10, TimeUnit.SECONDS));
  }

  @Test
  void aFailedSdkMeansNoOpSpansWithoutWaiting() {
    sdk.fail(new IllegalStateException("no SDK"));
    Span span = deferred.getTracer("io.tracewire.jdbc", "1").spanBuilder("x").startSpan();
    assertFalse(span.getSpanContext().isValid());
    assertTrue(deferred.awaitSdk(1, TimeUnit.MILLISECONDS));
  }

  @Test
  void aTracerIsEnabledOnlyWhenTheSdkIsThereAndRecords() {
    Tracer tracer = deferred.getTracer("io.tracewire.jdbc", "1");
    assertFalse(tracer.isEnabled(), "before the SDK");
    sdk.complete(sdkExportingTo(exported));
    assertTrue(tracer.isEnabled(), "an SDK with a span processor");

    Promise<OpenTelemetry> silent = new Promise<>();
    Tracer withoutProcessors = new DeferredOpenTelemetry(silent).getTracer("io.tracewire.jdbc", "1");
    silent.complete(OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build());
    assertFalse(withoutProcessors.isEnabled(), "an SDK without span processors hands out no-op spans");

    Promise<OpenTelemetry> failed = new Promise<>();
    failed.fail(new IllegalStateException("no SDK"));
    assertFalse(new DeferredOpenTelemetry(failed).getTracer("io.tracewire.jdbc").isEnabled());
  }

  private static OpenTelemetry sdkExportingTo(InMemorySpanExporter exporter) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
