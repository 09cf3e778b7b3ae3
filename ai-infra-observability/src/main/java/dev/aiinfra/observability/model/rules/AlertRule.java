package dev.aiinfra.observability.model.rules;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A Prometheus alerting rule ({@code alert}, {@code expr}, {@code for}, {@code keep_firing_for},
 * {@code labels}, {@code annotations}). The SDK gives every alert a {@code severity} label and the
 * {@code summary}, {@code description} and {@code runbook} annotations a person acts on.
 */
@Value.Immutable
public abstract non-sealed class AlertRule implements Rule {
  private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * UpperCamelCase, e.g. {@code GpuAllocatedButIdle}; unique within a rule set together with the
   * static labels (one alert per gang timeout carries its {@code timeout} label).
   */
  public abstract String alert();

  @Override
  public abstract String expr();

  /** How long the expression must hold before the alert fires; empty = at once. */
  public abstract Optional<String> forDuration();

  /** How long the alert keeps firing after the expression stops holding (Prometheus 2.42+). */
  public abstract Optional<String> keepFiringFor();

  @Override
  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  @Override
  public String name() {
    return alert();
  }

  @Override
  public String identity() {
    return "alert " + alert() + labels();
  }

  /** The {@code severity} label ({@code page}, {@code warning}, {@code ticket}, {@code info}); empty when unset. */
  public String severity() {
    return labels().getOrDefault("severity", "");
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (!ALERT_NAME.matcher(alert()).matches()) {
      v.invalid(FieldPath.of("alert"), alert(), "must be UpperCamelCase letters and digits");
    }
    if (expr().isBlank()) {
      v.required(FieldPath.of("expr"), "a PromQL expression");
    }
    forDuration().filter(d -> !PromDuration.isValid(d)).ifPresent(d -> v.invalid(FieldPath.of("for"), d, "must be a Prometheus duration such as 5m"));
    keepFiringFor().filter(d -> !PromDuration.isValid(d)).ifPresent(d -> v.invalid(FieldPath.of("keepFiringFor"), d, "must be a Prometheus duration such as 5m"));
    labels().keySet().stream().filter(k -> !LABEL_NAME.matcher(k).matches())
        .forEach(k -> v.invalid(FieldPath.of("labels").key(k), k, "must match [a-zA-Z_][a-zA-Z0-9_]*"));
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AlertRule}. */
  public static final class Builder extends ImmutableAlertRule.Builder {}
}
