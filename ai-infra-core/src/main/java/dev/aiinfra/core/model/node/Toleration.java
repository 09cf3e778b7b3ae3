package dev.aiinfra.core.model.node;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod toleration (core/v1 {@code Toleration}) with the API's {@code ToleratesTaint} semantics:
 * an empty effect matches every effect; an empty key with {@code Exists} matches every taint;
 * {@code Equal} compares values.
 */
@Value.Immutable
public abstract class Toleration {
  /** {@code Equal} (default) or {@code Exists}. */
  public enum Operator {
    Equal,
    Exists
  }

  @Value.Default
  public String key() {
    return "";
  }

  @Value.Default
  public Operator operator() {
    return Operator.Equal;
  }

  @Value.Default
  public String value() {
    return "";
  }

  /** Empty: tolerates every effect. */
  public abstract Optional<TaintEffect> effect();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Toleration}. */
  public static final class Builder extends ImmutableToleration.Builder {}

  public static Toleration exists(String key) {
    return builder().key(key).operator(Operator.Exists).build();
  }

  public static Toleration equal(String key, String value, TaintEffect effect) {
    return builder().key(key).value(value).effect(effect).build();
  }

  /** Tolerates every taint ({@code operator: Exists} with no key). */
  public static Toleration everything() {
    return builder().operator(Operator.Exists).build();
  }

  public boolean tolerates(Taint taint) {
    if (effect().isPresent() && effect().get() != taint.effect()) {
      return false;
    }
    if (!key().isEmpty() && !key().equals(taint.key())) {
      return false;
    }
    return operator() == Operator.Exists || value().equals(taint.value());
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (operator() == Operator.Exists && !value().isEmpty()) {
      v.invalid(FieldPath.of("operator"), operator(), "value must be empty when `operator` is 'Exists'");
    }
    if (key().isEmpty() && operator() != Operator.Exists) {
      v.invalid(FieldPath.of("operator"), operator(), "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
    }
    v.throwIfAny();
  }
}
