package dev.aiinfra.observability.model.rules;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads: every bare identifier that is not a function,
 * aggregation, keyword, label name in a grouping clause, label matcher, duration or number. Enough
 * for the SDK's own expressions, so a test can check each name against the exporters' catalogs; not
 * a PromQL parser.
 */
public final class PromQlNames {
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
      "unless", "offset", "inf", "nan", "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
      "quantile", "atan2");
  private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private PromQlNames() {}

  public static Set<String> metricNames(String expr) {
    Set<String> names = new TreeSet<>();
    int i = 0;
    int n = expr.length();
    boolean skipNextParens = false;
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '{') {
        i = skipTo(expr, i, '}');
      } else if (c == '[') {
        i = skipTo(expr, i, ']');
      } else if (c == '(' && skipNextParens) {
        i = skipTo(expr, i, ')');
        skipNextParens = false;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == '_')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
          i++;
        }
        String word = expr.substring(start, i);
        int j = i;
        while (j < n && Character.isWhitespace(expr.charAt(j))) {
          j++;
        }
        boolean call = j < n && expr.charAt(j) == '(';
        if (GROUPING.contains(word)) {
          skipNextParens = true;
        } else if (!call && !KEYWORDS.contains(word)) {
          names.add(word);
        }
      } else {
        i++;
      }
    }
    return names;
  }

  private static int skipString(String s, int i) {
    char quote = s.charAt(i);
    i++;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
    }
    return i + 1;
  }

  private static int skipTo(String s, int i, char close) {
    while (i < s.length() && s.charAt(i) != close) {
      if (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == '`') {
        i = skipString(s, i);
      } else {
        i++;
      }
    }
    return i + 1;
  }
}
