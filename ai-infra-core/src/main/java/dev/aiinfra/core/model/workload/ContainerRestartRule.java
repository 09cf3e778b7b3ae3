package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.LinkedHashSet;
import java.util.List;
import org.immutables.value.Value;

/**
 * One entry of a container's {@code restartPolicyRules} (core/v1 {@code ContainerRestartRule}): an
 * action taken when the container exits with a code {@code In} or {@code NotIn} a set of at most
 * 255 values. The YAML has no {@code when:} wrapper: {@code {action, exitCodes: {operator, values}}}.
 */
@Value.Immutable
public abstract class ContainerRestartRule {
  /** {@code exitCodes.operator}. */
  public enum Operator {
    In,
    NotIn
  }

  /** {@code MaxContainerRestartRuleExitCodes}. */
  public static final int MAX_VALUES = 255;

  @Value.Parameter
  public abstract RestartRuleAction action();

  @Value.Parameter
  public abstract Operator operator();

  @Value.Parameter
  public abstract List<Integer> values();

  public static ContainerRestartRule of(RestartRuleAction action, Operator operator, Integer... values) {
    return ImmutableContainerRestartRule.of(action, operator, List.of(values));
  }

  public static ContainerRestartRule of(RestartRuleAction action, Operator operator, List<Integer> values) {
    return ImmutableContainerRestartRule.of(action, operator, values);
  }

  /** Whether the rule applies to an exit code. */
  public boolean matches(int exitCode) {
    boolean in = values().contains(exitCode);
    return operator() == Operator.In ? in : !in;
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    FieldPath at = FieldPath.of("exitCodes.values");
    if (values().size() > MAX_VALUES) {
      v.tooMany(at, values().size(), MAX_VALUES);
    }
    if (new LinkedHashSet<>(values()).size() != values().size()) {
      v.invalid(at, values(), "must not contain duplicates (listType=set)");
    }
    if (operator() == Operator.In && values().isEmpty()) {
      v.required(at, "must be specified when `operator` is 'In'");
    }
    v.throwIfAny();
  }
}
