package io.tracewire.testing.scenarios;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

/**
 * An application that registers its own SDK as the global one and traces with it while the agent
 * traces its JDBC calls: its spans go to its own exporter, the agent's to the agent's, and the two
 * share one context (an agent span started under the application's span is its child).
 */
public final class OwnSdkWithAgentScenario {

  /** Traced by the agent ({@code otel.instrumentation.methods.include}). */
  public static final class Work {
    public void run() {
      Span inner = GlobalOpenTelemetry.getTracer("app").spanBuilder("own-inner").startSpan();
      inner.end();
    }
  }

  public static void main(String[] args) throws Exception {
    OwnOpenTelemetryScenario.ListExporter exporter = new OwnOpenTelemetryScenario.ListExporter();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    OpenTelemetrySdk.builder().setTracerProvider(provider).buildAndRegisterGlobal();

    Span own = GlobalOpenTelemetry.getTracer("app").spanBuilder("own-span").startSpan();
    try (Scope ignored = own.makeCurrent();
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:own;DB_CLOSE_DELAY=-1")) {
      System.out.println("current-is-own=" + (Span.current() == own));
      Span.current().setAttribute("from.app", true);
      OpenTelemetryApiScenario.query(connection, "SELECT 1 AS under_own");
    } finally {
      own.end();
    }
    new Work().run();
    provider.forceFlush().join(5, TimeUnit.SECONDS);
    for (SpanData span : exporter.exported) {
      System.out.println(
          "own-exported=" + span.getName() + " " + span.getTraceId() + " " + span.getSpanId() + " "
              + span.getParentSpanId() + " "
              + span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.booleanKey("from.app")));
    }
    provider.shutdown().join(5, TimeUnit.SECONDS);
  }
}
