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
import java.util.List;
import java.util.function.Consumer;

/**
 * Zipkin's v2 query API: {@code GET /api/v2/services} and
 * {@code GET /api/v2/traces?serviceName=&endTs=&lookback=&limit=} (milliseconds). A span is failed
 * when it carries the {@code error} tag; its value, when not empty, is the message.
 */
public final class ZipkinBackend implements TraceBackend {

  private final JsonHttp http;

  public ZipkinBackend(URI base, Duration timeout) {
    this.http = new JsonHttp(name(), base, timeout);
  }

  @Override
  public String name() {
    return "zipkin";
  }

  @Override
  public long timeUnitMicros() {
    return 1000;
  }

  @Override
  public List<String> services() throws BackendException {
    return http.get("/api/v2/services", ZipkinBackend::readStrings);
  }

  @Override
  public void page(String service, long startMicros, long endMicros, int limit, Consumer<TraceRecord> sink)
      throws BackendException {
    // Milliseconds: the end is rounded up and the start down, so the window never shrinks; the
    // reader drops traces it has already seen.
    long endTs = Math.floorDiv(endMicros + 999, 1000);
    long lookback = Math.max(0, endTs - Math.floorDiv(startMicros, 1000));
    String query = "/api/v2/traces?serviceName=" + URLEncoder.encode(service, StandardCharsets.UTF_8)
        + "&endTs=" + endTs + "&lookback=" + lookback + "&limit=" + limit;
    http.get(query, parser -> {
      readTraces(parser, sink);
      return null;
    });
  }

  static List<String> readStrings(JsonParser parser) throws IOException {
    next(parser, JsonToken.START_ARRAY, "an array of service names");
    List<String> names = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      require(parser, JsonToken.VALUE_STRING, "a service name");
      names.add(parser.getText());
    }
    return names;
  }

  /** {@code [[span, ...], ...]}: each inner array is one trace. */
  static void readTraces(JsonParser parser, Consumer<TraceRecord> sink) throws IOException {
    next(parser, JsonToken.START_ARRAY, "an array of traces");
    SpanReader reader = new SpanReader();
    List<SpanRecord> spans = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      require(parser, JsonToken.START_ARRAY, "a trace (an array of spans)");
      spans.clear();
      String traceId = null;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "a span object");
        spans.add(reader.read(parser));
        traceId = traceId == null ? reader.traceId : traceId;
      }
      if (!spans.isEmpty()) {
        sink.accept(new TraceRecord(traceId, spans));
      }
    }
  }

  /** Reads one span object; reused across spans to spare allocations. */
  private static final class SpanReader {
    private final ErrorFacts errors = new ErrorFacts();
    String traceId;

    SpanRecord read(JsonParser parser) throws IOException {
      traceId = null;
      errors.reset();
      String id = null;
      String parentId = null;
      String name = null;
      String service = null;
      long timestamp = 0;
      long duration = 0;
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "traceId":
            traceId = text(parser);
            break;
          case "id":
            id = text(parser);
            break;
          case "parentId":
            parentId = text(parser);
            break;
          case "name":
            name = text(parser);
            break;
          case "timestamp":
            timestamp = number(parser, field);
            break;
          case "duration":
            duration = number(parser, field);
            break;
          case "localEndpoint":
            service = serviceName(parser);
            break;
          case "tags":
            readTags(parser);
            break;
          case "annotations":
            readAnnotations(parser);
            break;
          default:
            parser.skipChildren();
            break;
        }
      }
      if (traceId == null || id == null) {
        throw new MalformedJsonException("a span without \"traceId\" or \"id\" at line "
            + parser.currentLocation().getLineNr());
      }
      return new SpanRecord(id, parentId, service == null ? "unknown" : service,
          name == null ? "unknown" : name, timestamp, duration, errors.error(), errors.message());
    }

    private static String serviceName(JsonParser parser) throws IOException {
      require(parser, JsonToken.START_OBJECT, "an endpoint object");
      String service = null;
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String field = parser.currentName();
        parser.nextToken();
        if ("serviceName".equals(field)) {
          service = text(parser);
        } else {
          parser.skipChildren();
        }
      }
      return service;
    }

    private void readTags(JsonParser parser) throws IOException {
      require(parser, JsonToken.START_OBJECT, "an object of tags");
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        parser.nextToken();
        String value = text(parser);
        if ("error".equals(key)) {
          errors.markError();
          errors.description(value);
        } else {
          errors.field(key, value);
        }
      }
    }

    /**
     * OpenTelemetry's Zipkin mapping turns an exception event into the annotation
     * {@code "exception":{"exception.message":"..."}}; its message is read from there.
     */
    private void readAnnotations(JsonParser parser) throws IOException {
      require(parser, JsonToken.START_ARRAY, "an array of annotations");
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        require(parser, JsonToken.START_OBJECT, "an annotation object");
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String field = parser.currentName();
          parser.nextToken();
          String value = text(parser);
          if ("value".equals(field) && value != null && value.startsWith("\"exception\":{")) {
            EventAttributes.read(value.substring("\"exception\":".length()), errors);
          }
        }
      }
    }
  }
}
