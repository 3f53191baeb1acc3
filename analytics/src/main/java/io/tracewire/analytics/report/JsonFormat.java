package io.tracewire.analytics.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.HistogramBin;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import io.tracewire.analytics.report.Report.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as JSON for machines. Durations are milliseconds ({@code *Ms}), rates are shares
 * from 0 to 1, instants are ISO-8601.
 */
public final class JsonFormat implements ReportFormat {

  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller owns the writer (stdout)
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("backend", report.backend());
      json.writeStringField("url", report.url());
      json.writeStringField("start", report.start().toString());
      json.writeStringField("end", report.end().toString());
      json.writeBooleanField("partial", report.partial());
      json.writeArrayFieldStart("notes");
      for (String note : report.notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("services");
      for (ServiceReport service : report.services()) {
        service(json, service);
      }
      json.writeEndArray();
      summary(json, report.summary());
      dependencies(json, "dependencies", report.dependencies());
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void service(JsonGenerator json, ServiceReport service) throws IOException {
    json.writeStartObject();
    json.writeStringField("service", service.service());
    json.writeNumberField("traces", service.traces());
    json.writeNumberField("spans", service.spans());
    json.writeNumberField("errorTraces", service.errorTraces());
    json.writeNumberField("errorRate", service.errorRate());
    json.writeObjectFieldStart("durationMs");
    json.writeNumberField("average", service.averageMs());
    json.writeNumberField("p50", service.p50Ms());
    json.writeNumberField("p95", service.p95Ms());
    json.writeNumberField("p99", service.p99Ms());
    json.writeEndObject();
    json.writeArrayFieldStart("slowestOperations");
    for (Operation op : service.slowestOperations()) {
      json.writeStartObject();
      json.writeStringField("name", op.name());
      json.writeNumberField("count", op.count());
      json.writeNumberField("averageMs", op.averageMs());
      json.writeNumberField("p95Ms", op.p95Ms());
      json.writeNumberField("maxMs", op.maxMs());
      json.writeNumberField("errorRate", op.errorRate());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("topErrors");
    for (ErrorMessage error : service.topErrors()) {
      json.writeStartObject();
      json.writeStringField("message", error.message());
      json.writeNumberField("count", error.count());
      json.writeNumberField("share", error.share());
      json.writeEndObject();
    }
    json.writeEndArray();
    dependencies(json, "dependencies", service.dependencies());
    histogram(json, service.histogram());
    json.writeBooleanField("limitReached", service.limitReached());
    if (service.partialReason() != null) {
      json.writeStringField("partialReason", service.partialReason());
    }
    json.writeEndObject();
  }

  private static void histogram(JsonGenerator json, List<HistogramBin> bins) throws IOException {
    json.writeArrayFieldStart("histogram");
    for (HistogramBin bin : bins) {
      json.writeStartObject();
      json.writeNumberField("fromMs", bin.fromMs());
      json.writeNumberField("toMs", bin.toMs());
      json.writeNumberField("count", bin.count());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void summary(JsonGenerator json, Summary summary) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("totalTraces", summary.totalTraces());
    json.writeNumberField("meanErrorRate", summary.meanErrorRate());
    json.writeStringField("slowestService", summary.slowestService());
    json.writeNumberField("slowestP95Ms", summary.slowestP95Ms());
    json.writeStringField("mostErrorProneService", summary.mostErrorProneService());
    json.writeNumberField("highestErrorRate", summary.highestErrorRate());
    json.writeEndObject();
  }

  private static void dependencies(JsonGenerator json, String field, List<Dependency> dependencies)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Dependency dependency : dependencies) {
      json.writeStartObject();
      json.writeStringField("caller", dependency.caller());
      json.writeStringField("callee", dependency.callee());
      json.writeNumberField("calls", dependency.calls());
      json.writeNumberField("errorRate", dependency.errorRate());
      json.writeNumberField("p95Ms", dependency.p95Ms());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
