package io.tracewire.instrumentation.rabbitmq.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.MessageProperties;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.tracewire.instrumentation.api.ContextPropagation;
import io.tracewire.instrumentation.api.messaging.MessagingTelemetry;
import io.tracewire.instrumentation.rabbitmq.RabbitAttributes;
import io.tracewire.instrumentation.rabbitmq.RabbitMessage;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The properties a traced publish sends: the application's, plus the context in the headers. */
class PublishPropertiesTest {

  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final MessagingTelemetry<RabbitMessage> telemetry =
      MessagingTelemetry.create(new TestContext(new ContextPropagation(W3CTraceContextPropagator.getInstance())),
          new RabbitAttributes());
  private final Context context =
      Context.root()
          .with(Span.wrap(SpanContext.create(
              "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault())));

  @Test
  void nullPropertiesBecomePropertiesWithOnlyTheHeaders() {
    AMQP.BasicProperties sent = PublishInterceptor.withContext(null, context, telemetry);
    assertEquals(Map.of("traceparent", TRACEPARENT), sent.getHeaders());
    assertEquals(null, sent.getDeliveryMode());
  }

  @Test
  void everyPropertyAndHeaderTheApplicationSetIsKept() {
    Map<String, Object> own = new HashMap<>();
    own.put("tenant", "acme");
    own.put("attempt", 2);
    Date timestamp = new Date(1_700_000_000_000L);
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .headers(Collections.unmodifiableMap(own))
            .deliveryMode(2)
            .priority(7)
            .correlationId("c-1")
            .replyTo("replies")
            .expiration("60000")
            .messageId("m-1")
            .timestamp(timestamp)
            .type("order.created")
            .userId("guest")
            .appId("shop")
            .clusterId("cluster")
            .build();
    AMQP.BasicProperties sent = PublishInterceptor.withContext(properties, context, telemetry);

    assertNotSame(properties, sent);
    assertEquals(Map.of("tenant", "acme", "attempt", 2), properties.getHeaders(), "the original is untouched");
    assertEquals(Map.of("tenant", "acme", "attempt", 2, "traceparent", TRACEPARENT), sent.getHeaders());
    assertTrue(sent.getHeaders().get("traceparent") instanceof String);
    assertEquals("application/json", sent.getContentType());
    assertEquals("utf-8", sent.getContentEncoding());
    assertEquals(2, sent.getDeliveryMode());
    assertEquals(7, sent.getPriority());
    assertEquals("c-1", sent.getCorrelationId());
    assertEquals("replies", sent.getReplyTo());
    assertEquals("60000", sent.getExpiration());
    assertEquals("m-1", sent.getMessageId());
    assertEquals(timestamp, sent.getTimestamp());
    assertEquals("order.created", sent.getType());
    assertEquals("guest", sent.getUserId());
    assertEquals("shop", sent.getAppId());
    assertEquals("cluster", sent.getClusterId());
  }

  @Test
  void theClientsSharedConstantsAreNeverChanged() {
    AMQP.BasicProperties sent = PublishInterceptor.withContext(MessageProperties.PERSISTENT_TEXT_PLAIN, context, telemetry);
    assertEquals(null, MessageProperties.PERSISTENT_TEXT_PLAIN.getHeaders());
    assertEquals(2, sent.getDeliveryMode());
    assertEquals("text/plain", sent.getContentType());
    assertEquals(TRACEPARENT, sent.getHeaders().get("traceparent"));
  }

  /** Only propagation is used here. */
  private static final class TestContext implements io.tracewire.instrumentation.api.InstrumentationContext {
    private final ContextPropagation propagation;

    TestContext(ContextPropagation propagation) {
      this.propagation = propagation;
    }

    @Override
    public io.opentelemetry.api.OpenTelemetry openTelemetry() {
      return io.opentelemetry.api.OpenTelemetry.noop();
    }

    @Override
    public io.opentelemetry.api.trace.Tracer tracer() {
      return openTelemetry().getTracer("test");
    }

    @Override
    public ContextPropagation propagation() {
      return propagation;
    }

    @Override
    public io.tracewire.instrumentation.api.InstrumentationConfig config() {
      return new io.tracewire.instrumentation.api.InstrumentationConfig() {
        @Override
        public String getString(String name, String defaultValue) {
          return defaultValue;
        }

        @Override
        public boolean getBoolean(String name, boolean defaultValue) {
          return defaultValue;
        }

        @Override
        public int getInt(String name, int defaultValue) {
          return defaultValue;
        }

        @Override
        public java.util.List<String> getList(String name) {
          return java.util.List.of();
        }

        @Override
        public void warnOnce(String name, String message) {}
      };
    }

    @Override
    public void debug(String message) {}
  }

}
