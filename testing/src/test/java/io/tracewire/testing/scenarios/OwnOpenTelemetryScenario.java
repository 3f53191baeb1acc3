package io.tracewire.testing.scenarios;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application that bundles its own OpenTelemetry SDK and ByteBuddy, of other versions than the
 * agent's, and uses both while the agent traces one of its methods.
 */
public final class OwnOpenTelemetryScenario {

  /** The application's own exporter: keeps what its own SDK exports. */
  static final class ListExporter implements SpanExporter {
    final List<SpanData> exported = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Traced by the agent through otel.instrumentation.methods.include. */
  public static final class Work {
    public String run() {
      return "worked";
    }
  }

  public static void main(String[] args) throws Exception {
    ListExporter exporter = new ListExporter();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    Tracer tracer = provider.get("app");
    Span span = tracer.spanBuilder("app-span").startSpan();
    span.end();
    provider.forceFlush().join(5, java.util.concurrent.TimeUnit.SECONDS);
    System.out.println("own-sdk-exported=" + exporter.exported.size() + ":" + exporter.exported.get(0).getName());
    System.out.println("own-sdk-version=" + SdkTracerProvider.class.getPackage().getImplementationVersion());

    // The agent registered nothing as the application's global instance: the application can, and
    // the global tracer is then its own.
    GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
    GlobalOpenTelemetry.getTracer("probe").spanBuilder("app-global-span").startSpan().end();
    System.out.println(
        "global-is-own=" + exporter.exported.stream().anyMatch(data -> data.getName().equals("app-global-span")));

    Object greeting =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by the app's own ByteBuddy"))
            .make()
            .load(OwnOpenTelemetryScenario.class.getClassLoader())
            .getLoaded()
            .getDeclaredConstructor()
            .newInstance();
    System.out.println("own-bytebuddy=" + greeting + " from " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());
    System.out.println(new Work().run());
    provider.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
