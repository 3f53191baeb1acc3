package io.tracewire.analytics.report;

import static io.tracewire.analytics.report.Numbers.count;
import static io.tracewire.analytics.report.Numbers.ms;
import static io.tracewire.analytics.report.Numbers.percent;

import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import io.tracewire.analytics.report.Report.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The report as aligned text for a terminal. */
public final class TableFormat implements ReportFormat {

  private static final String INDENT = "  ";

  @Override
  public void write(Report report, Writer out) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("Traces from ").append(report.backend()).append(" at ").append(report.url())
        .append(", ").append(report.start()).append(" to ").append(report.end()).append('\n');
    for (String note : report.notes()) {
      text.append("note: ").append(note).append('\n');
    }
    for (ServiceReport service : report.services()) {
      text.append('\n');
      service(service, text);
    }
    if (report.services().size() > 1) {
      text.append('\n');
      summary(report.summary(), text);
    }
    if (!report.dependencies().isEmpty()) {
      text.append("\nDependencies\n").append(dependencies(report.dependencies()).render(INDENT));
    }
    out.write(text.toString());
    out.flush();
  }

  private static void service(ServiceReport service, StringBuilder text) {
    text.append("Service ").append(service.service())
        .append(service.partialReason() != null ? "  (PARTIAL)" : "").append('\n');
    text.append(new TextTable("traces", "spans", "errors", "error rate", "avg ms", "p50 ms", "p95 ms", "p99 ms")
        .row(count(service.traces()), count(service.spans()), count(service.errorTraces()),
            percent(service.errorRate()), ms(service.averageMs()), ms(service.p50Ms()), ms(service.p95Ms()),
            ms(service.p99Ms()))
        .figuresOnly()
        .render(INDENT));
    TextTable operations = new TextTable("slowest operations", "count", "avg ms", "p95 ms", "max ms", "errors");
    for (Operation op : service.slowestOperations()) {
      operations.row(op.name(), count(op.count()), ms(op.averageMs()), ms(op.p95Ms()), ms(op.maxMs()),
          percent(op.errorRate()));
    }
    text.append('\n').append(operations.render(INDENT));
    if (!service.topErrors().isEmpty()) {
      TextTable errors = new TextTable("top errors", "traces", "share of errors");
      for (ErrorMessage error : service.topErrors()) {
        errors.row(error.message(), count(error.count()), percent(error.share()));
      }
      text.append('\n').append(errors.render(INDENT));
    }
    if (!service.dependencies().isEmpty()) {
      text.append('\n').append(dependencies(service.dependencies()).render(INDENT));
    }
  }

  private static void summary(Summary summary, StringBuilder text) {
    text.append("Summary\n").append(new TextTable("total traces", "mean error rate", "slowest (p95)",
            "most errors")
        .row(count(summary.totalTraces()), percent(summary.meanErrorRate()),
            summary.slowestService() + " (" + ms(summary.slowestP95Ms()) + " ms)",
            summary.mostErrorProneService() + " (" + percent(summary.highestErrorRate()) + ")")
        .figuresOnly()
        .render(INDENT));
  }

  private static TextTable dependencies(List<Dependency> dependencies) {
    TextTable table = new TextTable("dependency", "calls", "errors", "p95 ms");
    for (Dependency dependency : dependencies) {
      table.row(dependency.caller() + " -> " + dependency.callee(), count(dependency.calls()),
          percent(dependency.errorRate()), ms(dependency.p95Ms()));
    }
    return table;
  }
}
