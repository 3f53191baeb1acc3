package io.tracewire.exporter;

import static io.tracewire.exporter.Spans.TRACE_ID;
import static io.tracewire.exporter.Spans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleTreeSpanExporterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();
  private final ConsoleTreeSpanExporter exporter =
      new ConsoleTreeSpanExporter(out, Duration.ofSeconds(2), clock::get);

  private String output() {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void printsTheTreeWhenTheLocalRootArrives() {
    SpanData insert =
        span("00000000000000b1", "00000000000000a1", "INSERT orders", 1000, 2200)
            .setKind(SpanKind.CLIENT)
            .setAttributes(
                Attributes.builder()
                    .put("db.query.text", "INSERT INTO orders (id, customer) VALUES (?, ?)")
                    .put("db.system.name", "h2database")
                    .build())
            .build();
    SpanData select =
        span("00000000000000b2", "00000000000000a1", "SELECT orders", 3000, 3400)
            .setKind(SpanKind.CLIENT)
            .build();
    SpanData checkout = span("00000000000000a1", null, "checkout", 0, 12300).build();

    assertTrue(exporter.export(Arrays.asList(select, insert)).isSuccess());
    assertEquals("", output(), "children wait for their root");

    exporter.export(List.of(checkout));

    assertEquals(
        "trace 4bf92f3577b34da6a3ce929d0e0e4736  (service: demo-shop)\n"
            + "└─ checkout  INTERNAL  12.3 ms\n"
            + "   ├─ INSERT orders  CLIENT  1.2 ms  db.system.name=h2database"
            + "  db.query.text=\"INSERT INTO orders (id, customer) VALUES (?, ?)\"\n"
            + "   └─ SELECT orders  CLIENT  0.4 ms\n",
        output());
  }

  @Test
  void sortsChildrenByStartTimeAndIndentsGrandchildren() {
    List<SpanData> batch =
        Arrays.asList(
            span("00000000000000c1", "00000000000000b2", "late-grandchild", 5000, 5100).build(),
            span("00000000000000b2", "00000000000000a1", "second", 4000, 6000).build(),
            span("00000000000000c2", "00000000000000b1", "grandchild", 1500, 1600).build(),
            span("00000000000000b3", "00000000000000a1", "third", 7000, 8000).build(),
            span("00000000000000b1", "00000000000000a1", "first", 1000, 2000).build(),
            span("00000000000000a1", null, "root", 0, 9000).build());

    exporter.export(batch);

    assertEquals(
        "trace "
            + TRACE_ID
            + "  (service: demo-shop)\n"
            + "└─ root  INTERNAL  9.0 ms\n"
            + "   ├─ first  INTERNAL  1.0 ms\n"
            + "   │  └─ grandchild  INTERNAL  0.1 ms\n"
            + "   ├─ second  INTERNAL  2.0 ms\n"
            + "   │  └─ late-grandchild  INTERNAL  0.1 ms\n"
            + "   └─ third  INTERNAL  1.0 ms\n",
        output());
  }

  @Test
  void aSpanWithARemoteParentIsALocalRoot() {
    SpanData server =
        span("00000000000000a1", null, "GET /orders", 0, 5000)
            .setParentSpanContext(Spans.remoteContext(TRACE_ID, "00f067aa0ba902b7"))
            .setKind(SpanKind.SERVER)
            .build();

    exporter.export(List.of(server));

    assertEquals(
        "trace " + TRACE_ID + "  (service: demo-shop)\n" + "└─ GET /orders  SERVER  5.0 ms\n",
        output());
  }

  @Test
  void printsSpansAsAnOrphanTreeAfterTheLinger() {
    SpanData child = span("00000000000000c1", "00000000000000b1", "child", 1000, 1500).build();
    SpanData parent = span("00000000000000b1", "00000000000000a1", "parent", 500, 2000).build();
    exporter.export(List.of(child));
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    exporter.export(List.of(parent));
    clock.addAndGet(Duration.ofMillis(999).toNanos());
    exporter.export(List.of());
    assertEquals("", output(), "the oldest span has waited less than the linger");

    clock.addAndGet(Duration.ofMillis(1).toNanos());
    exporter.export(List.of());

    assertEquals(
        "trace "
            + TRACE_ID
            + "  (service: demo-shop)\n"
            + "└─ [orphan, parent 00000000000000a1 not seen] parent  INTERNAL  1.5 ms\n"
            + "   └─ child  INTERNAL  0.5 ms\n",
        output());

    bytes.reset();
    exporter.export(List.of(span("00000000000000a1", null, "root", 0, 3000).build()));
    assertEquals(
        "trace " + TRACE_ID + "  (service: demo-shop)\n" + "└─ root  INTERNAL  3.0 ms\n",
        output(),
        "the late root prints on its own");
  }

  @Test
  void aRootLeavesUnrelatedSpansOfItsTracePending() {
    // An asynchronous child of "a" that has not ended, and the child of that async span.
    SpanData asyncChild =
        span("00000000000000c1", "00000000000000b9", "async-child", 100, 200).build();
    SpanData root = span("00000000000000a1", null, "root", 0, 1000).build();

    exporter.export(Arrays.asList(asyncChild, root));
    assertEquals(
        "trace " + TRACE_ID + "  (service: demo-shop)\n└─ root  INTERNAL  1.0 ms\n", output());

    bytes.reset();
    exporter.flush();
    assertTrue(
        output().contains("└─ [orphan, parent 00000000000000b9 not seen] async-child"), output());
  }

  @Test
  void flushAndShutdownPrintEverythingPending() {
    exporter.export(
        List.of(span("00000000000000b1", "00000000000000a1", "waiting", 0, 10).build()));
    assertEquals("", output());

    assertTrue(exporter.flush().isSuccess());
    assertTrue(output().contains("waiting"));

    bytes.reset();
    exporter.export(
        List.of(span("00000000000000b2", "00000000000000a1", "still waiting", 0, 10).build()));
    assertTrue(exporter.shutdown().isSuccess());
    assertTrue(output().contains("still waiting"));

    bytes.reset();
    assertFalse(
        exporter
            .export(List.of(span("00000000000000a1", null, "late", 0, 10).build()))
            .isSuccess());
    assertEquals("", output());
  }

  @Test
  void showsErrorsKeyAttributesFirstAndKeepsOneLinePerSpan() {
    String longText = "x".repeat(200);
    SpanData span =
        span("00000000000000a1", null, "SELECT\nitems", 0, 1_234_567)
            .setKind(SpanKind.CLIENT)
            .setStatus(StatusData.create(StatusCode.ERROR, "Table \"ITEMS\" not found"))
            .setAttributes(
                Attributes.builder()
                    .put("zeta", "last")
                    .put("alpha", longText)
                    .put("error.type", "org.h2.jdbc.JdbcSQLSyntaxErrorException")
                    .put("db.query.text", "SELECT *\n  FROM items")
                    .put("server.port", 5432L)
                    .put(AttributeKey.stringArrayKey("tags"), Arrays.asList("a", "b c"))
                    .put("flag", true)
                    .put("empty", "")
                    .build())
            .build();

    exporter.export(List.of(span));

    String[] lines = output().split("\n");
    assertEquals(2, lines.length, output());
    assertEquals(
        "└─ SELECT items  CLIENT  1.23 s  ERROR \"Table \\\"ITEMS\\\" not found\""
            + "  db.query.text=\"SELECT *\\n  FROM items\"  server.port=5432"
            + "  error.type=org.h2.jdbc.JdbcSQLSyntaxErrorException"
            + "  alpha="
            + "x".repeat(120)
            + "…"
            + "  empty=\"\"  flag=true  tags=[\"a\",\"b c\"]  zeta=last",
        lines[1]);
  }

  @Test
  void concurrentExportsNeverMixTheirTrees() throws Exception {
    ConsoleTreeSpanExporter shared = new ConsoleTreeSpanExporter(out);
    int threads = 8;
    int tracesPerThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.execute(
          () -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            for (int i = 0; i < tracesPerThread; i++) {
              String traceId = String.format("%016x%016x", thread + 1, i + 1);
              shared.export(
                  List.of(
                      Spans.span(traceId, "00000000000000b1", "00000000000000a1", "child", 1, 2)
                          .build()));
              shared.export(
                  List.of(Spans.span(traceId, "00000000000000a1", null, "root", 0, 3).build()));
            }
          });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

    String[] lines = output().split("\n");
    assertEquals(threads * tracesPerThread * 3, lines.length);
    for (int i = 0; i < lines.length; i += 3) {
      assertTrue(lines[i].startsWith("trace "), lines[i]);
      assertTrue(lines[i + 1].startsWith("└─ root  INTERNAL"), lines[i + 1]);
      assertTrue(lines[i + 2].startsWith("   └─ child  INTERNAL"), lines[i + 2]);
    }
  }

  @Test
  void worksBehindARealTracerProvider() {
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(Resource.getDefault().merge(Spans.RESOURCE))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    Tracer tracer = provider.get("test");

    Span checkout = tracer.spanBuilder("checkout").startSpan();
    Scope scope = checkout.makeCurrent();
    try {
      tracer.spanBuilder("INSERT orders").setSpanKind(SpanKind.CLIENT).startSpan().end();
      Span failing = tracer.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT).startSpan();
      failing.setStatus(StatusCode.ERROR);
      failing.end();
    } finally {
      scope.close();
      checkout.end();
    }
    provider.shutdown().join(5, TimeUnit.SECONDS);

    List<String> lines = new ArrayList<>(Arrays.asList(output().split("\n")));
    assertEquals(4, lines.size(), output());
    assertTrue(lines.get(0).matches("trace [0-9a-f]{32}  \\(service: demo-shop\\)"), lines.get(0));
    assertTrue(lines.get(1).startsWith("└─ checkout  INTERNAL  "), lines.get(1));
    assertTrue(lines.get(2).startsWith("   ├─ INSERT orders  CLIENT  "), lines.get(2));
    assertTrue(lines.get(3).startsWith("   └─ SELECT orders  CLIENT  "), lines.get(3));
    assertTrue(lines.get(3).contains("  ERROR"), lines.get(3));
  }
}
