package io.tracewire.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tracewire.bootstrap.AdviceDispatcher;
import io.tracewire.instrumentation.api.ActiveSpan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

class ExecuteInterceptorTest {

  private static final Tracer DISABLED =
      new Tracer() {
        @Override
        public boolean isEnabled() {
          return false;
        }

        @Override
        public SpanBuilder spanBuilder(String name) {
          throw new AssertionError("a disabled tracer was asked for a span: " + name);
        }
      };

  @Test
  void aDisabledTracerCostsNoSpanWork() throws Exception {
    JdbcTelemetry telemetry = new JdbcTelemetry(DISABLED, true, false);
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:disabled")) {
      PreparedStatement statement = prepared(telemetry, connection);
      assertNull(executeInterceptor(telemetry).onEnter(statement, AdviceDispatcher.NO_ARGUMENTS));
    }
  }

  @Test
  void aBatchRunWhileDisabledIsStillDrained() throws Exception {
    JdbcTelemetry telemetry = new JdbcTelemetry(DISABLED, true, false);
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:disabledbatch")) {
      PreparedStatement statement = prepared(telemetry, connection);
      new BatchInterceptors.AddBatch(telemetry, statements).onEnter(statement, AdviceDispatcher.NO_ARGUMENTS);
      new BatchInterceptors.AddBatch(telemetry, statements).onEnter(statement, AdviceDispatcher.NO_ARGUMENTS);
      Object span =
          new BatchInterceptors.ExecuteBatch(telemetry, statements).onEnter(statement, AdviceDispatcher.NO_ARGUMENTS);
      assertNull(span);
      // The next batch starts empty, as it would have had the span been made.
      assertEquals(0, statements.get(statement).drainBatch().size);
    }
  }

  @Test
  void anEnabledTracerMakesTheStatementsSpan() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:enabled")) {
      JdbcTelemetry telemetry = new JdbcTelemetry(provider.get("test"), true, false);
      PreparedStatement statement = prepared(telemetry, connection);
      ExecuteInterceptor interceptor = executeInterceptor(telemetry);
      Object state = interceptor.onEnter(statement, AdviceDispatcher.NO_ARGUMENTS);
      try {
        assertTrue(state instanceof ActiveSpan, String.valueOf(state));
      } finally {
        // Ends the span and closes its scope on this thread whatever the assertion found.
        interceptor.onExit(state, statement, null, null);
      }
      assertEquals(1, spans.getFinishedSpanItems().size());
      assertEquals("SELECT", spans.getFinishedSpanItems().get(0).getName());
    }
  }

  private StatementRegistry statements;

  private PreparedStatement prepared(JdbcTelemetry telemetry, Connection connection) throws Exception {
    statements = new StatementRegistry(telemetry);
    String sql = "SELECT 1";
    PreparedStatement statement = connection.prepareStatement(sql);
    new PrepareInterceptor(telemetry, statements).onExit(sql, connection, statement, null);
    return statement;
  }

  private ExecuteInterceptor executeInterceptor(JdbcTelemetry telemetry) {
    return new ExecuteInterceptor(telemetry, statements);
  }
}
