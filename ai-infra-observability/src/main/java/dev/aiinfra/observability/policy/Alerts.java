package dev.aiinfra.observability.policy;

import dev.aiinfra.observability.model.rules.AlertRule;

/** The annotations every SDK alert carries: a summary, a description and the runbook section in docs/observability.md. */
final class Alerts {
  static final String WARNING = "warning";
  static final String CRITICAL = "critical";
  static final String INFO = "info";

  private Alerts() {}

  static AlertRule.Builder alert(String name, String severity, String expr, String summary, String description) {
    return AlertRule.builder().alert(name).expr(expr).putLabel("severity", severity).putAnnotation("summary", summary)
        .putAnnotation("description", description).putAnnotation("runbook", "docs/observability.md#" + name.toLowerCase(java.util.Locale.ROOT));
  }
}
