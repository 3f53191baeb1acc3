package io.tracewire.testing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.tracewire.testing.harness.AgentRun;
import io.tracewire.testing.harness.Jdk;
import io.tracewire.testing.harness.JdkMatrix;
import io.tracewire.testing.harness.RunResult;
import io.tracewire.testing.scenarios.ShopScenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every exporter the agent offers, fed by the same scenario. */
class ExportersTest {

  private static final String METHODS =
      ShopScenario.Checkout.class.getName() + "[placeOrder,reserve]";

  private static AgentRun shop(Jdk jdk, String exporter) {
    return AgentRun.of(ShopScenario.class)
        .on(jdk)
        .property("otel.instrumentation.methods.include", METHODS)
        .property("otel.traces.exporter", exporter)
        .property("otel.service.name", "shop");
  }

  @JdkMatrix
  void consolePrintsEachTraceAsATree(Jdk jdk) {
    RunResult result = shop(jdk, "console").run().assertSuccess();
    String out = result.stdout();
    assertTrue(out.contains("(service: shop)"), out);
    assertTrue(out.matches("(?s).*└─ ShopScenario\\$Checkout\\.placeOrder  INTERNAL  [0-9.]+ [mµ]?s.*"), out);
    assertTrue(out.matches("(?s).*\\n   └─ ShopScenario\\$Checkout\\.reserve  INTERNAL  .*"), out);
    assertTrue(result.spans().isEmpty(), "console only: nothing over OTLP");
  }

  @JdkMatrix
  void loggingOtlpPrintsOtlpJsonLines(Jdk jdk) throws InvalidProtocolBufferException {
    RunResult result = shop(jdk, "logging-otlp").run().assertSuccess();
    List<String> json =
        result.stdout().lines().filter(line -> line.startsWith("{\"resourceSpans\":")).toList();
    assertFalse(json.isEmpty(), result.stdout());
    String all = String.join("\n", json);
    assertTrue(all.contains("\"name\":\"ShopScenario$Checkout.placeOrder\""), all);
    assertTrue(all.contains("\"kind\":1"), all);
    assertTrue(all.contains("{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}"), all);
    assertEquals(Set.of("ShopScenario$Checkout.placeOrder", "ShopScenario$Checkout.reserve"), parsedSpanNames(json));
  }

  /**
   * Reads each line with protobuf's own JSON parser, which rejects any field the OTLP schema does
   * not have. OTLP/JSON writes trace and span ids in hex where protobuf's JSON has base64, so the
   * ids are checked apart: a 32- and a 16-digit hex string, read as base64.
   */
  private static Set<String> parsedSpanNames(List<String> lines) throws InvalidProtocolBufferException {
    Set<String> names = new java.util.TreeSet<>();
    for (String line : lines) {
      ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
      JsonFormat.parser().merge(line, request);
      for (var resource : request.getResourceSpansList()) {
        for (var scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            assertTrue(hex(span.getTraceId()).matches("[0-9a-f]{32}"), span.toString());
            assertTrue(hex(span.getSpanId()).matches("[0-9a-f]{16}"), span.toString());
            assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, span.getKind());
            names.add(span.getName());
          }
        }
      }
    }
    return names;
  }

  /** The id as the line wrote it: the base64 text protobuf decoded it from. */
  private static String hex(ByteString id) {
    return java.util.Base64.getEncoder().encodeToString(id.toByteArray());
  }

  @JdkMatrix
  void zipkinPostsJsonV2(Jdk jdk) throws IOException {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer zipkin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    zipkin.createContext(
        "/api/v2/spans",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    zipkin.start();
    try {
      shop(jdk, "zipkin")
          .property(
              "otel.exporter.zipkin.endpoint",
              "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans")
          .run()
          .assertSuccess();
    } finally {
      zipkin.stop(0);
    }
    String all = String.join("\n", bodies);
    assertTrue(all.contains("\"name\":\"ShopScenario$Checkout.placeOrder\""), all);
    assertTrue(all.contains("\"localEndpoint\":{\"serviceName\":\"shop\"}"), all);
    assertTrue(all.contains("\"parentId\":"), all);
  }

  @JdkMatrix
  void noneExportsNothing(Jdk jdk) {
    RunResult result = shop(jdk, "none").run().assertSuccess();
    assertTrue(result.spans().isEmpty(), result.spans().dump());
    assertFalse(result.stdout().contains("trace "), result.stdout());
  }

  @JdkMatrix
  void severalExportersAtOnce(Jdk jdk) {
    RunResult result = shop(jdk, "otlp,console").expectSpans(2).run().assertSuccess();
    assertEquals(1, result.spans().named("ShopScenario$Checkout.placeOrder").size());
    assertTrue(result.stdout().contains("└─ ShopScenario$Checkout.placeOrder"), result.stdout());
  }

  /**
   * The jar leaves out what the agent does not reach; this run reaches everything it ships
   * (every exporter, propagator and instrumentation, debug on) and must find every class.
   */
  @JdkMatrix
  void everyExporterAndInstrumentationAtOnce(Jdk jdk) {
    RunResult result =
        AgentRun.of(io.tracewire.testing.scenarios.JdbcScenario.class)
            .on(jdk)
            .property(
                "otel.instrumentation.methods.include",
                io.tracewire.testing.scenarios.JdbcScenario.Work.class.getName() + "[run]")
            .property("otel.traces.exporter", "otlp,zipkin,console,logging-otlp")
            .property("otel.exporter.zipkin.endpoint", "http://127.0.0.1:9/api/v2/spans")
            .property("otel.exporter.otlp.compression", "gzip")
            .property("otel.propagators", "tracecontext,baggage,b3,b3multi,jaeger,ottrace")
            .property("otel.traces.sampler", "parentbased_traceidratio")
            .property("otel.traces.sampler.arg", "1.0")
            .property("otel.instrumentation.baggage.attributes", "user.id")
            .property("otel.semconv-stability.opt-in", "database/dup")
            .property("otel.javaagent.debug", "true")
            .args("jdbc:h2:mem:all", "sa", "", "hikari")
            .expectSpans(9)
            .run()
            .assertSuccess();
    for (String missing : List.of("NoClassDefFoundError", "ClassNotFoundException", "LinkageError")) {
      assertFalse(result.stderr().contains(missing), result.stderr());
    }
    assertTrue(result.stdout().contains("{\"resourceSpans\":"), result.stdout());
    assertTrue(result.stdout().contains("└─ JdbcScenario$Work.run"), result.stdout());
  }
}
