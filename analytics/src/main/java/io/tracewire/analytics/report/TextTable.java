package io.tracewire.analytics.report;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned for a terminal: figures right-aligned, a first column of names left-aligned. */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private boolean namesFirst = true;

  TextTable(String... header) {
    rows.add(header);
  }

  TextTable row(String... cells) {
    rows.add(cells);
    return this;
  }

  /** Every column holds figures: right-align the first one too. */
  TextTable figuresOnly() {
    namesFirst = false;
    return this;
  }

  String render(String indent) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[i] - row[i].length());
        line.append(i == 0 && namesFirst ? row[i] + pad : pad + row[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
