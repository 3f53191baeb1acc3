package io.tracewire.analytics.report;

import static io.tracewire.analytics.report.Numbers.count;
import static io.tracewire.analytics.report.Numbers.ms;
import static io.tracewire.analytics.report.Numbers.percent;

import io.tracewire.analytics.report.Report.Dependency;
import io.tracewire.analytics.report.Report.ErrorMessage;
import io.tracewire.analytics.report.Report.HistogramBin;
import io.tracewire.analytics.report.Report.Operation;
import io.tracewire.analytics.report.Report.ServiceReport;
import io.tracewire.analytics.report.Report.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML file: inline CSS and inline SVG (a latency histogram per
 * service and the dependency graph), no scripts, fonts or other files.
 */
public final class HtmlFormat implements ReportFormat {

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#1d2430;background:#fff}",
      "h1{font-size:1.5em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #d5dae1;padding-bottom:.2em}",
      "h3{font-size:1em;margin:1.2em 0 .4em}.meta{color:#5b6573}",
      "table{border-collapse:collapse;margin:.3em 0}th,td{padding:.25em .8em;border-bottom:1px solid #e6e9ee}",
      "th{text-align:left;background:#f4f6f8;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}",
      ".note{background:#fff4d6;border-left:4px solid #e0a800;padding:.4em .8em;margin:.3em 0}",
      ".partial{color:#b00020;font-weight:600}svg text{font-family:inherit;font-size:11px;fill:#1d2430}",
      ".bar{fill:#3d7bd9}.node{fill:#e8f0fc;stroke:#3d7bd9;stroke-width:1.5}.edge{stroke:#5b6573;stroke-width:1.5}",
      ".edge.err{stroke:#d93d3d}");

  @Override
  public void write(Report report, Writer out) throws IOException {
    StringBuilder html = new StringBuilder(16 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Trace analytics</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>Trace analytics</h1><p class=\"meta\">").append(esc(report.backend())).append(" at ")
        .append(esc(report.url())).append(", ").append(report.start()).append(" to ").append(report.end())
        .append("</p>\n");
    for (String note : report.notes()) {
      html.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
    }
    if (report.services().size() > 1) {
      summary(report.summary(), html);
    }
    if (!report.dependencies().isEmpty()) {
      html.append("<h2>Dependencies</h2>\n");
      dependencyGraph(report.dependencies(), html);
      dependencyTable(report.dependencies(), html);
    }
    for (ServiceReport service : report.services()) {
      service(service, html);
    }
    html.append("</body></html>\n");
    out.write(html.toString());
    out.flush();
  }

  private static void summary(Summary summary, StringBuilder html) {
    html.append("<h2>Summary</h2>\n");
    table(html, List.of("total traces", "mean error rate", "slowest service (p95)", "most error-prone"),
        List.of(List.of(count(summary.totalTraces()), percent(summary.meanErrorRate()),
            summary.slowestService() + " (" + ms(summary.slowestP95Ms()) + " ms)",
            summary.mostErrorProneService() + " (" + percent(summary.highestErrorRate()) + ")")));
  }

  private static void service(ServiceReport service, StringBuilder html) {
    html.append("<h2 id=\"service-").append(esc(service.service())).append("\">Service ")
        .append(esc(service.service())).append("</h2>\n");
    if (service.partialReason() != null) {
      html.append("<p class=\"partial\">PARTIAL: ").append(esc(service.partialReason())).append("</p>\n");
    }
    table(html, List.of("traces", "spans", "error traces", "error rate", "avg ms", "p50 ms", "p95 ms", "p99 ms"),
        List.of(List.of(count(service.traces()), count(service.spans()), count(service.errorTraces()),
            percent(service.errorRate()), ms(service.averageMs()), ms(service.p50Ms()), ms(service.p95Ms()),
            ms(service.p99Ms()))));
    html.append("<h3>Trace duration</h3>\n");
    histogram(service.histogram(), html);
    html.append("<h3>Slowest operations</h3>\n");
    List<List<String>> rows = new ArrayList<>();
    for (Operation op : service.slowestOperations()) {
      rows.add(List.of(op.name(), count(op.count()), ms(op.averageMs()), ms(op.p95Ms()), ms(op.maxMs()),
          percent(op.errorRate())));
    }
    table(html, List.of("operation", "count", "avg ms", "p95 ms", "max ms", "errors"), rows);
    if (!service.topErrors().isEmpty()) {
      html.append("<h3>Top errors</h3>\n");
      rows = new ArrayList<>();
      for (ErrorMessage error : service.topErrors()) {
        rows.add(List.of(error.message(), count(error.count()), percent(error.share())));
      }
      table(html, List.of("message", "traces", "share of errors"), rows);
    }
    if (!service.dependencies().isEmpty()) {
      html.append("<h3>Dependencies</h3>\n");
      dependencyTable(service.dependencies(), html);
    }
  }

  private static void dependencyTable(List<Dependency> dependencies, StringBuilder html) {
    List<List<String>> rows = new ArrayList<>();
    for (Dependency dependency : dependencies) {
      rows.add(List.of(dependency.caller() + " → " + dependency.callee(), count(dependency.calls()),
          percent(dependency.errorRate()), ms(dependency.p95Ms())));
    }
    table(html, List.of("dependency", "calls", "errors", "p95 ms"), rows);
  }

  /** The first column is text; the others are figures, right-aligned. */
  private static void table(StringBuilder html, List<String> header, List<List<String>> rows) {
    html.append("<table><tr>");
    for (String cell : header) {
      html.append("<th>").append(esc(cell)).append("</th>");
    }
    html.append("</tr>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        html.append(i == 0 ? "<td>" : "<td class=\"n\">").append(esc(row.get(i))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void histogram(List<HistogramBin> bins, StringBuilder html) {
    int barWidth = 52;
    int height = 140;
    int left = 40;
    int top = 14;
    long max = 1;
    for (HistogramBin bin : bins) {
      max = Math.max(max, bin.count());
    }
    int width = left + bins.size() * barWidth + 10;
    html.append("<svg class=\"histogram\" width=\"").append(width).append("\" height=\"").append(height + top + 44)
        .append("\" role=\"img\" aria-label=\"trace duration histogram\">\n");
    html.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><text x=\"0\" y=\"%d\">0</text>%n",
        top + 4, count(max), top + height));
    for (int i = 0; i < bins.size(); i++) {
      HistogramBin bin = bins.get(i);
      double barHeight = (double) height * bin.count() / max;
      int x = left + i * barWidth;
      html.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>%s to %s ms: %s traces</title></rect>%n",
          x + 2, top + height - barHeight, barWidth - 4, barHeight, ms(bin.fromMs()), ms(bin.toMs()),
          count(bin.count())));
      if (i % 2 == 0) {
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, top + height + 16,
            ms(bin.fromMs())));
      }
    }
    html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">trace duration, ms (log scale)</text>%n",
        left, top + height + 36));
    html.append("</svg>\n");
  }

  /** Services on a circle, calls as arrows labelled with their count and error rate. */
  private static void dependencyGraph(List<Dependency> dependencies, StringBuilder html) {
    List<String> services = new ArrayList<>();
    for (Dependency dependency : dependencies) {
      for (String service : List.of(dependency.caller(), dependency.callee())) {
        if (!services.contains(service)) {
          services.add(service);
        }
      }
    }
    int size = 420;
    double radius = services.size() == 1 ? 0 : 150;
    double[][] at = new double[services.size()][];
    for (int i = 0; i < services.size(); i++) {
      double angle = Math.PI + 2 * Math.PI * i / services.size();
      at[i] = new double[] {size / 2.0 + radius * Math.cos(angle), size / 2.0 + radius * Math.sin(angle) * 0.6};
    }
    double top = Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    for (double[] node : at) {
      top = Math.min(top, node[1]);
      bottom = Math.max(bottom, node[1]);
    }
    // Room above the top node for an edge label, below the bottom node for its ellipse.
    int viewTop = (int) Math.floor(top - 44);
    int height = (int) Math.ceil(bottom + 28) - viewTop;
    html.append("<svg class=\"graph\" width=\"").append(size).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 ").append(viewTop).append(' ').append(size).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"service dependency graph\">\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
        .append("markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#5b6573\"/>")
        .append("</marker></defs>\n");
    for (Dependency dependency : dependencies) {
      double[] from = at[services.indexOf(dependency.caller())];
      double[] to = at[services.indexOf(dependency.callee())];
      double dx = to[0] - from[0];
      double dy = to[1] - from[1];
      double length = Math.max(1, Math.hypot(dx, dy));
      double trim = 48 / length; // stop the arrow at the node's edge
      html.append(String.format(Locale.ROOT,
          "<line class=\"edge%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#arrow)\"/>%n",
          dependency.errorRate() > 0 ? " err" : "", from[0] + dx * trim, from[1] + dy * trim,
          to[0] - dx * trim, to[1] - dy * trim));
      html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s calls, %s errors, p95 %s ms</text>%n",
          (from[0] + to[0]) / 2, (from[1] + to[1]) / 2 - 8, count(dependency.calls()),
          esc(percent(dependency.errorRate())), ms(dependency.p95Ms())));
    }
    for (int i = 0; i < services.size(); i++) {
      html.append(String.format(Locale.ROOT,
          "<ellipse class=\"node\" cx=\"%.1f\" cy=\"%.1f\" rx=\"46\" ry=\"18\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
          at[i][0], at[i][1], at[i][0], at[i][1] + 4, esc(services.get(i))));
    }
    html.append("</svg>\n");
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
