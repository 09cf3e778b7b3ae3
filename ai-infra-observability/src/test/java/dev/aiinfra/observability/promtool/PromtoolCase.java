package dev.aiinfra.observability.promtool;

import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.Rule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.render.RuleFileRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code promtool test rules} unit test, written as YAML: synthetic input series (expanding
 * notation {@code a+bxn}, {@code _} for a missing sample), then the alerts expected at given
 * times (an empty list asserts the alert stays quiet) and expected values of expressions.
 * Alerts are compared on labels only: the rule files under test are the rendered ones with their
 * annotations left out ({@code check rules} covers the full files).
 */
public final class PromtoolCase {
  private final List<String> series = new ArrayList<>();
  private final List<String> alertTests = new ArrayList<>();
  private final List<String> exprTests = new ArrayList<>();

  /** Adds input series {@code name{labels}} with {@code values} (one sample per minute). */
  public PromtoolCase series(String name, Map<String, String> labels, String values) {
    series.add("  - series: '" + name + labels(labels) + "'\n    values: '" + values + "'\n");
    return this;
  }

  /** Expects {@code alert} to fire at {@code minute} once per label set given (none = quiet). */
  @SafeVarargs
  public final PromtoolCase expectAlert(int minute, String alert, Map<String, String>... labelSets) {
    StringBuilder b = new StringBuilder("  - eval_time: " + minute + "m\n    alertname: " + alert + "\n    exp_alerts:");
    if (labelSets.length == 0) {
      b.append(" []\n");
    } else {
      b.append('\n');
      for (Map<String, String> l : labelSets) {
        b.append("    - exp_labels:\n");
        new TreeMap<>(l).forEach((k, v) -> b.append("        ").append(k).append(": '").append(v).append("'\n"));
      }
    }
    alertTests.add(b.toString());
    return this;
  }

  /** Expects {@code expr} at {@code minute} to be {@code value} with {@code labels}. */
  public PromtoolCase expectValue(int minute, String expr, Map<String, String> labels, double value) {
    exprTests.add("  - expr: '" + expr.replace("'", "''") + "'\n    eval_time: " + minute + "m\n    exp_samples:\n    - labels: '"
        + labels(labels) + "'\n      value: " + value + "\n");
    return this;
  }

  /** Runs the case against {@code ruleSets} and returns promtool's result. */
  public Promtool.Result run(List<RuleSet> ruleSets) {
    Map<String, String> files = new LinkedHashMap<>();
    for (RuleSet r : ruleSets) {
      files.put(r.name() + ".yml", RuleFileRenderer.render(withoutAnnotations(r)));
    }
    StringBuilder t = new StringBuilder("rule_files:\n");
    files.keySet().forEach(f -> t.append("- ").append(f).append('\n'));
    t.append("evaluation_interval: 1m\ntests:\n- interval: 1m\n  input_series:\n");
    series.forEach(t::append);
    if (!alertTests.isEmpty()) {
      t.append("  alert_rule_test:\n");
      alertTests.forEach(t::append);
    }
    if (!exprTests.isEmpty()) {
      t.append("  promql_expr_test:\n");
      exprTests.forEach(t::append);
    }
    return Promtool.testRules(files, t.toString());
  }

  static RuleSet withoutAnnotations(RuleSet r) {
    List<RuleGroup> groups = new ArrayList<>();
    for (RuleGroup g : r.groups()) {
      List<Rule> rules = new ArrayList<>();
      for (Rule rule : g.rules()) {
        rules.add(rule instanceof AlertRule a ? AlertRule.builder().from(a).annotations(Map.of()).build() : (RecordingRule) rule);
      }
      groups.add(RuleGroup.builder().from(g).rules(rules).build());
    }
    return RuleSet.builder().from(r).groups(groups).build();
  }

  private static String labels(Map<String, String> labels) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
    return "{" + String.join(", ", parts) + "}";
  }
}
