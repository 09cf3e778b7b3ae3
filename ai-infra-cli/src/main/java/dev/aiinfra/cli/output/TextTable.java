package dev.aiinfra.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A left-aligned table with a header row, columns two spaces apart, as kubectl prints them. */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  public TextTable(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  public TextTable row(Object... cells) {
    String[] r = new String[columns];
    for (int i = 0; i < columns; i++) {
      r[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
    }
    rows.add(r);
    return this;
  }

  /**
   * A list cell: the first {@code max} items joined by commas, then an ellipsis and how many were
   * left out ({@code a, b, c, d, … (+3)}), so that a cut list never reads as complete.
   */
  public static String list(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, max)) + ", … (+" + (items.size() - max) + ")";
  }

  public void print(PrintWriter out) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(r[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
