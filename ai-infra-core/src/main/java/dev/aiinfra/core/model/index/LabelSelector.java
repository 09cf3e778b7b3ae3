package dev.aiinfra.core.model.index;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}), evaluated
 * offline with the API's semantics: every term must hold; {@code NotIn} and {@code DoesNotExist}
 * hold for pods without the key.
 */
@Value.Immutable
public abstract class LabelSelector implements WithLabelSelector {
  /** A selector expression operator. */
  public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist
  }

  /** One {@code matchExpressions} entry. */
  @Value.Immutable
  public abstract static class Requirement {
    @Value.Parameter
    public abstract String key();

    @Value.Parameter
    public abstract Operator operator();

    @Value.Parameter
    public abstract List<String> values();

    public static Requirement of(String key, Operator operator, String... values) {
      return ImmutableRequirement.of(key, operator, List.of(values));
    }

    boolean matches(Map<String, String> labels) {
      String v = labels.get(key());
      switch (operator()) {
        case In:
          return v != null && values().contains(v);
        case NotIn:
          return v == null || !values().contains(v);
        case Exists:
          return v != null;
        case DoesNotExist:
        default:
          return v == null;
      }
    }

    @Value.Check
    protected void check() {
      Violations v = new Violations();
      boolean needsValues = operator() == Operator.In || operator() == Operator.NotIn;
      if (needsValues && values().isEmpty()) {
        v.required(FieldPath.of("values"), "must be specified when `operator` is 'In' or 'NotIn'");
      }
      if (!needsValues && !values().isEmpty()) {
        v.forbidden(FieldPath.of("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
      }
      v.throwIfAny();
    }
  }

  public abstract Map<String, String> matchLabels();

  public abstract List<Requirement> matchExpressions();

  public static Builder builder() {
    return new Builder();
  }

  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return matchExpressions().stream().allMatch(r -> r.matches(labels));
  }

  /** Builder for {@link LabelSelector}. */
  public static final class Builder extends ImmutableLabelSelector.Builder {}
}
