package io.tracewire.instrumentation.opentelemetryapi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.InstrumentationConfig;
import io.tracewire.instrumentation.api.InstrumentationContext;
import java.util.List;

/**
 * The agent's side in unit tests: a real SDK exporting to memory with W3C propagators, set up as
 * the API module's context. (Unrelocated here: {@code io.opentelemetry} is the agent's,
 * {@code application.io.opentelemetry} the application's.)
 */
public final class TestAgent implements InstrumentationContext {

  public final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();

  /** The agent, installed as the API module's context. */
  public static TestAgent installed() {
    TestAgent agent = new TestAgent();
    new OpenTelemetryApiInstrumentationModule().typeInstrumentations(agent);
    return agent;
  }

  public List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  public SpanData span(String name) {
    return spans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans()));
  }

  @Override
  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  @Override
  public Tracer tracer() {
    return sdk.getTracer("io.tracewire.test");
  }

  @Override
  public ContextPropagation propagation() {
    return new ContextPropagation(sdk.getPropagators().getTextMapPropagator());
  }

  @Override
  public InstrumentationConfig config() {
    return null;
  }

  @Override
  public void debug(String message) {}
}
