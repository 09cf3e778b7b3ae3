package dev.aiinfra.observability.model.rules;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Prometheus rule group: rules evaluated in order at one interval. Recording rules a later rule
 * of the same group reads are therefore written before it. Names are unique within a {@link
 * RuleSet} (the PrometheusRule CRD keys {@code spec.groups} by name).
 */
@Value.Immutable
public abstract class RuleGroup {
  public abstract String name();

  /** The evaluation interval; empty = Prometheus' global {@code evaluation_interval}. */
  public abstract Optional<String> interval();

  public abstract List<Rule> rules();

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (name().isBlank()) {
      v.required(FieldPath.of("name"), "a group name");
    }
    interval().filter(d -> !PromDuration.isValid(d)).ifPresent(d -> v.invalid(FieldPath.of("interval"), d, "must be a Prometheus duration such as 30s"));
    if (rules().isEmpty()) {
      v.required(FieldPath.of("rules"), "at least one rule");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rules().size(); i++) {
      if (!seen.add(rules().get(i).identity())) {
        v.duplicate(FieldPath.of("rules").index(i), rules().get(i).name());
      }
    }
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RuleGroup}. */
  public static final class Builder extends ImmutableRuleGroup.Builder {}
}
