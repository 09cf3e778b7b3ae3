package dev.aiinfra.observability.model.rules;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * The rule groups of one Prometheus Operator {@code PrometheusRule} (monitoring.coreos.com/v1):
 * its name, namespace and the labels a Prometheus CR's {@code ruleSelector} picks it up by. Group
 * names and alert names are unique across the set, and so is each recording rule's name with its
 * labels, so two rules never write the same series.
 */
@Value.Immutable
public abstract class RuleSet {
  public abstract String name();

  public abstract String namespace();

  /** Labels on the PrometheusRule object (e.g. {@code release} for kube-prometheus-stack). */
  public abstract Map<String, String> labels();

  public abstract List<RuleGroup> groups();

  /** Every rule, group by group. */
  public Stream<Rule> rules() {
    return groups().stream().flatMap(g -> g.rules().stream());
  }

  /** Every alert, group by group. */
  public List<AlertRule> alerts() {
    return rules().filter(AlertRule.class::isInstance).map(AlertRule.class::cast).toList();
  }

  /** Every recording rule, group by group. */
  public List<RecordingRule> recordingRules() {
    return rules().filter(RecordingRule.class::isInstance).map(RecordingRule.class::cast).toList();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    Set<String> groups = new HashSet<>();
    Set<String> rules = new HashSet<>();
    for (int i = 0; i < groups().size(); i++) {
      RuleGroup g = groups().get(i);
      if (!groups.add(g.name())) {
        v.duplicate(FieldPath.of("groups").index(i).child("name"), g.name());
      }
      for (int j = 0; j < g.rules().size(); j++) {
        if (!rules.add(g.rules().get(j).identity())) {
          v.duplicate(FieldPath.of("groups").index(i).child("rules").index(j), g.rules().get(j).name());
        }
      }
    }
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RuleSet}. */
  public static final class Builder extends ImmutableRuleSet.Builder {}
}
