package io.tracewire.analytics.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** A way to write a {@link Report}: {@code table}, {@code json} or {@code html}. */
public interface ReportFormat {

  void write(Report report, Writer out) throws IOException;

  /** The format named on the command line. */
  static ReportFormat named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "table":
        return new TableFormat();
      case "json":
        return new JsonFormat();
      case "html":
        return new HtmlFormat();
      default:
        throw new IllegalArgumentException("unknown format '" + name + "' (use table, json or html)");
    }
  }
}
