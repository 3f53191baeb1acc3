package io.tracewire.analytics.backend;

import static io.tracewire.analytics.backend.JsonReading.next;
import static io.tracewire.analytics.backend.JsonReading.number;
import static io.tracewire.analytics.backend.JsonReading.require;
import static io.tracewire.analytics.backend.JsonReading.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tracewire.analytics.model.SpanRecord;
import io.tracewire.analytics.model.TraceRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Jaeger's HTTP query API (the one its UI uses): {@code GET /api/services} and
 * {@code GET /api/traces?service=&start=&end=&limit=} with microsecond timestamps. Answers are
 * wrapped as {@code {"data": ..., "errors": ...}}; a trace names its services in
 * {@code processes}, which spans refer to by {@code processID}. A span is failed when it has the
 * tag {@code error=true} or {@code otel.status_code=ERROR}; messages come from
 * {@code exception.message} or {@code error.message} in its tags or logs.
 */
public final class JaegerBackend implements TraceBackend {

  private final JsonHttp http;

  public JaegerBackend(URI base, Duration timeout) {
    this.http = new JsonHttp(name(), base, timeout);
  }

  @Override
  public String name() {
    return "jaeger";
  }

  @Override
  public List<String> services() throws BackendException {
    List<String> services = new ArrayList<>();
    http.get("/api/services", parser -> {
      readEnvelope(parser, () -> {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
          return;
        }
        require(parser, JsonToken.START_ARRAY, "an array of service names");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          require(parser, JsonToken.VALUE_STRING, "a service name");
          services.add(parser.getText());
        }
      });
      return null;
    });
    return services;
  }

  @Override
  public void page(String service, long startMicros, long endMicros, int limit, Consumer<TraceRecord> sink)
      throws BackendException {
    String query = "/api/traces?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8)
        + "&start=" + startMicros + "&end=" + endMicros + "&limit=" + limit;
    http.get(query, parser -> {
      readTraces(parser, sink);
      return null;
    });
  }

  static void readTraces(JsonParser parser, Consumer<TraceRecord> sink) throws IOException {
    TraceReader reader = new TraceReader();
    readEnvelope(parser, () -> {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      require(parser, JsonToken.START_ARRAY, "an array of traces in \"data\"");
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "a trace object");
        TraceRecord trace = reader.read(parser);
        if (!trace.spans().isEmpty()) {
          sink.accept(trace);
        }
      }
    });
  }

  private interface DataReader {
    void read() throws IOException;
  }

  /** {@code {"data": ..., "total": 0, "limit": 0, "offset": 0, "errors": [{"code": 500, "msg": "..."}]}}. */
  private static void readEnvelope(JsonParser parser, DataReader data) throws IOException {
    next(parser, JsonToken.START_OBJECT, "an object with \"data\"");
    boolean sawData = false;
    String errors = null;
    while (parser.nextToken() != JsonToken.END_OBJECT) {
      String field = parser.currentName();
      parser.nextToken();
      if ("data".equals(field)) {
        sawData = true;
        data.read();
      } else if ("errors".equals(field)) {
        errors = readErrors(parser);
      } else {
        parser.skipChildren();
      }
    }
    if (errors != null) {
      throw new MalformedJsonException("the answer lists errors: " + errors);
    }
    if (!sawData) {
      throw new MalformedJsonException("the answer has no \"data\" field");
    }
  }

  private static String readErrors(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    List<String> messages = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      String code = null;
      String msg = null;
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String field = parser.currentName();
        parser.nextToken();
        String value = text(parser);
        if ("code".equals(field)) {
          code = value;
        } else if ("msg".equals(field)) {
          msg = value;
        }
      }
      messages.add((code == null ? "" : code + " ") + (msg == null ? "" : msg));
    }
    return messages.isEmpty() ? null : String.join("; ", messages);
  }

  /** One trace object; spans wait for {@code processes}, which may come after them. */
  private static final class TraceReader {
    private final ErrorFacts errors = new ErrorFacts();

    private record PendingSpan(String id, String parentId, String processId, String name, long start,
        long duration, boolean error, String message) {}

    TraceRecord read(JsonParser parser) throws IOException {
      String traceId = null;
      List<PendingSpan> pending = new ArrayList<>();
      Map<String, String> services = new HashMap<>();
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "traceID":
            traceId = text(parser);
            break;
          case "spans":
            require(parser, JsonToken.START_ARRAY, "an array of spans");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              require(parser, JsonToken.START_OBJECT, "a span object");
              pending.add(readSpan(parser));
            }
            break;
          case "processes":
            readProcesses(parser, services);
            break;
          default:
            parser.skipChildren();
            break;
        }
      }
      List<SpanRecord> spans = new ArrayList<>(pending.size());
      for (PendingSpan span : pending) {
        String service = services.getOrDefault(span.processId(), "unknown");
        spans.add(new SpanRecord(span.id(), span.parentId(), service, span.name(), span.start(),
            span.duration(), span.error(), span.message()));
      }
      return new TraceRecord(traceId == null ? "unknown" : traceId, spans);
    }

    private PendingSpan readSpan(JsonParser parser) throws IOException {
      errors.reset();
      String id = null;
      String parentId = null;
      String processId = null;
      String name = null;
      long start = 0;
      long duration = 0;
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "spanID":
            id = text(parser);
            break;
          case "operationName":
            name = text(parser);
            break;
          case "references":
            parentId = readParent(parser);
            break;
          case "startTime":
            start = number(parser, field);
            break;
          case "duration":
            duration = number(parser, field);
            break;
          case "processID":
            processId = text(parser);
            break;
          case "tags":
            readKeyValues(parser, true);
            break;
          case "logs":
            readLogs(parser);
            break;
          default:
            parser.skipChildren();
            break;
        }
      }
      if (id == null) {
        throw new MalformedJsonException("a span without \"spanID\" at line " + parser.currentLocation().getLineNr());
      }
      return new PendingSpan(id, parentId, processId, name == null ? "unknown" : name, start, duration,
          errors.error(), errors.message());
    }

    /** The span a {@code CHILD_OF} reference names, else the first {@code FOLLOWS_FROM} one. */
    private static String readParent(JsonParser parser) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      require(parser, JsonToken.START_ARRAY, "an array of references");
      String childOf = null;
      String followsFrom = null;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "a reference object");
        String type = null;
        String spanId = null;
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String field = parser.currentName();
          parser.nextToken();
          if ("refType".equals(field)) {
            type = text(parser);
          } else if ("spanID".equals(field)) {
            spanId = text(parser);
          } else {
            parser.skipChildren();
          }
        }
        if ("CHILD_OF".equals(type) && childOf == null) {
          childOf = spanId;
        } else if (followsFrom == null) {
          followsFrom = spanId;
        }
      }
      return childOf != null ? childOf : followsFrom;
    }

    /** {@code [{"key": "...", "type": "...", "value": ...}]} from tags or a log's fields. */
    private void readKeyValues(JsonParser parser, boolean tags) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      require(parser, JsonToken.START_ARRAY, "an array of key-values");
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "a key-value object");
        String key = null;
        String value = null;
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String field = parser.currentName();
          parser.nextToken();
          if ("key".equals(field)) {
            key = text(parser);
          } else if ("value".equals(field)) {
            value = text(parser);
          } else {
            parser.skipChildren();
          }
        }
        if (key == null) {
          continue;
        }
        if (tags && ("error".equals(key) && "true".equals(value)
            || "otel.status_code".equals(key) && "ERROR".equals(value))) {
          errors.markError();
        }
        errors.field(key, value);
      }
    }

    private void readLogs(JsonParser parser) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      require(parser, JsonToken.START_ARRAY, "an array of logs");
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "a log object");
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String field = parser.currentName();
          parser.nextToken();
          if ("fields".equals(field)) {
            readKeyValues(parser, false);
          } else {
            parser.skipChildren();
          }
        }
      }
    }

    private static void readProcesses(JsonParser parser, Map<String, String> services) throws IOException {
      require(parser, JsonToken.START_OBJECT, "an object of processes");
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String processId = parser.currentName();
        next(parser, JsonToken.START_OBJECT, "a process object");
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String field = parser.currentName();
          parser.nextToken();
          if ("serviceName".equals(field)) {
            services.put(processId, text(parser));
          } else {
            parser.skipChildren();
          }
        }
      }
    }
  }
}
