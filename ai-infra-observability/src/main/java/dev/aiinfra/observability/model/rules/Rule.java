package dev.aiinfra.observability.model.rules;

import java.util.Map;

/** One entry of a rule group: a {@link RecordingRule} or an {@link AlertRule}. */
public sealed interface Rule permits AlertRule, RecordingRule {
  /** The alert name or the recorded series name. */
  String name();

  /** The PromQL expression. */
  String expr();

  /** Labels added to (recording) or attached to (alerting) the result. */
  Map<String, String> labels();

  /** The key that must be unique within a rule set: the name plus, for recording rules, the labels. */
  String identity();
}
