package io.tracewire.instrumentation.api.http;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SDK exporting to memory, W3C propagators, and configuration from a map; for the tests of
 * every kind of shared telemetry (HTTP, messaging).
 */
public final class FakeInstrumentationContext implements InstrumentationContext {

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final Map<String, String> properties = new HashMap<>();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();

  public FakeInstrumentationContext with(String name, String value) {
    properties.put(name, value);
    return this;
  }

  public List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  public SpanData onlySpan() {
    List<SpanData> spans = spans();
    if (spans.size() != 1) {
      throw new AssertionError("expected one span, got " + spans);
    }
    return spans.get(0);
  }

  @Override
  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  @Override
  public Tracer tracer() {
    return sdk.getTracer("io.tracewire.http-test");
  }

  @Override
  public ContextPropagation propagation() {
    return new ContextPropagation(sdk.getPropagators().getTextMapPropagator());
  }

  @Override
  public InstrumentationConfig config() {
    return new InstrumentationConfig() {
      @Override
      public String getString(String name, String defaultValue) {
        String value = properties.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
      }

      @Override
      public boolean getBoolean(String name, boolean defaultValue) {
        return Boolean.parseBoolean(getString(name, String.valueOf(defaultValue)));
      }

      @Override
      public int getInt(String name, int defaultValue) {
        return Integer.parseInt(getString(name, String.valueOf(defaultValue)));
      }

      @Override
      public List<String> getList(String name) {
        String value = properties.get(name);
        if (value == null) {
          return Collections.emptyList();
        }
        List<String> items = new ArrayList<>();
        for (String item : Arrays.asList(value.split(","))) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
        return items;
      }

      @Override
      public void warnOnce(String name, String message) {}
    };
  }

  @Override
  public void debug(String message) {}
}
