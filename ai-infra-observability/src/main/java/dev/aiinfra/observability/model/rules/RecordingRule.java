package dev.aiinfra.observability.model.rules;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A Prometheus recording rule ({@code record}, {@code expr}, {@code labels}). Names follow the
 * {@code level:metric:operations} convention (prometheus.io/docs/practices/rules), so they contain
 * a colon, which no exporter metric the SDK reads does (vLLM's {@code vllm:} prefix aside).
 */
@Value.Immutable
public abstract non-sealed class RecordingRule implements Rule {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** The recorded series name, {@code level:metric:operations}. */
  public abstract String record();

  @Override
  public abstract String expr();

  @Override
  public abstract Map<String, String> labels();

  @Override
  public String name() {
    return record();
  }

  @Override
  public String identity() {
    return "record " + record() + labels();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (!METRIC_NAME.matcher(record()).matches() || !record().contains(":")) {
      v.invalid(FieldPath.of("record"), record(), "must be a metric name of the form level:metric:operations");
    }
    if (expr().isBlank()) {
      v.required(FieldPath.of("expr"), "a PromQL expression");
    }
    labels().keySet().stream().filter(k -> !LABEL_NAME.matcher(k).matches())
        .forEach(k -> v.invalid(FieldPath.of("labels").key(k), k, "must match [a-zA-Z_][a-zA-Z0-9_]*"));
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RecordingRule}. */
  public static final class Builder extends ImmutableRecordingRule.Builder {}
}
