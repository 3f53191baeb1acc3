package io.tracewire.instrumentation.opentelemetryapi.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tracewire.instrumentation.api.matcher.MethodDetails;
import io.tracewire.instrumentation.api.matcher.MethodInfo;
import io.tracewire.instrumentation.opentelemetryapi.ApplicationApi;
import io.tracewire.instrumentation.opentelemetryapi.TestAgent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WithSpanInterceptorTest {

  private final TestAgent agent = new TestAgent();

  private WithSpanInterceptor interceptor(String descriptor, List<Map<String, Map<String, Object>>> parameters) {
    MethodDetails details = new MethodDetails(Map.of(ApplicationApi.WITH_SPAN, Map.of()), parameters, List.of());
    MethodInfo method = new MethodInfo("work", descriptor, 1, Set.of(ApplicationApi.WITH_SPAN), () -> details);
    return new WithSpanInterceptor(agent.tracer(), WithSpanSettings.of("com.acme.Jobs", method));
  }

  @Test
  void theSpanIsCurrentInsideAndCarriesTheParameters() {
    WithSpanInterceptor interceptor =
        interceptor(
            "(Ljava/lang/String;IZLjava/lang/Object;[Ljava/lang/String;)V",
            List.of(
                Map.of(ApplicationApi.SPAN_ATTRIBUTE, Map.of("value", "job.name")),
                Map.of(ApplicationApi.SPAN_ATTRIBUTE, Map.of("value", "job.size")),
                Map.of(ApplicationApi.SPAN_ATTRIBUTE, Map.of("value", "job.urgent")),
                Map.of(ApplicationApi.SPAN_ATTRIBUTE, Map.of("value", "job.owner")),
                Map.of(ApplicationApi.SPAN_ATTRIBUTE, Map.of("value", "job.tags"))));
    Object state =
        interceptor.onEnter(null, new Object[] {"nightly", 7, true, null, new String[] {"a", "b"}});
    String inside = Span.current().getSpanContext().getSpanId();
    interceptor.onExit(state, null, null, null);
    assertFalse(Span.current().getSpanContext().isValid());
    SpanData span = agent.span("Jobs.work");
    assertEquals(inside, span.getSpanId());
    assertEquals("nightly", span.getAttributes().get(AttributeKey.stringKey("job.name")));
    assertEquals(7L, span.getAttributes().get(AttributeKey.longKey("job.size")));
    assertEquals(true, span.getAttributes().get(AttributeKey.booleanKey("job.urgent")));
    assertEquals(List.of("a", "b"), span.getAttributes().get(AttributeKey.stringArrayKey("job.tags")));
    assertEquals(null, span.getAttributes().get(AttributeKey.stringKey("job.owner")));
    assertEquals("com.acme.Jobs.work", span.getAttributes().get(AttributeKey.stringKey("code.function.name")));
  }

  @Test
  void aThrowRecordsTheError() {
    WithSpanInterceptor interceptor = interceptor("()V", List.of());
    Object state = interceptor.onEnter(null, new Object[0]);
    interceptor.onExit(state, null, null, new IllegalStateException("boom"));
    SpanData span = agent.span("Jobs.work");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("java.lang.IllegalStateException", span.getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void aFutureEndsTheSpanWhenItCompletes() {
    WithSpanInterceptor interceptor = interceptor("()Ljava/util/concurrent/CompletableFuture;", List.of());
    CompletableFuture<String> future = new CompletableFuture<>();
    interceptor.onExit(interceptor.onEnter(null, new Object[0]), null, future, null);
    assertFalse(Span.current().getSpanContext().isValid());
    assertTrue(agent.spans().isEmpty());
    future.completeExceptionally(new java.util.concurrent.CompletionException(new IllegalArgumentException("late")));
    SpanData span = agent.span("Jobs.work");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("java.lang.IllegalArgumentException", span.getAttributes().get(AttributeKey.stringKey("error.type")));
  }
}
