package dev.aiinfra.observability.model.monitor;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One Prometheus {@code relabel_config} (the Prometheus Operator's {@code RelabelConfig}). The regex
 * is anchored at both ends, as Prometheus does. Relabeling has no arithmetic, so a derived label
 * is a concatenation of source labels ({@code separator}), never a sum.
 */
@Value.Immutable
public abstract class Relabeling {
  /** Prometheus' default regex. */
  public static final String ANY = "(.*)";

  public abstract List<String> sourceLabels();

  /** Joins the source labels' values; Prometheus' default is {@code ;}. */
  @Value.Default
  public String separator() {
    return ";";
  }

  public abstract Optional<String> targetLabel();

  @Value.Default
  public String regex() {
    return ANY;
  }

  @Value.Default
  public String replacement() {
    return "$1";
  }

  @Value.Default
  public RelabelAction action() {
    return RelabelAction.REPLACE;
  }

  /** Copies {@code source} to {@code target} (only when the source is non-empty, as Prometheus skips an unmatched {@code (.+)}). */
  public static Relabeling copy(String source, String target) {
    return builder().addSourceLabel(source).targetLabel(target).regex("(.+)").build();
  }

  /** Writes {@code value} to {@code target} when {@code source} matches {@code regex}. */
  public static Relabeling setWhen(String source, String regex, String target, String value) {
    return builder().addSourceLabel(source).regex(regex).targetLabel(target).replacement(value).build();
  }

  /** Writes the literal {@code value} to {@code target} on every target. */
  public static Relabeling constant(String target, String value) {
    return builder().targetLabel(target).replacement(value).build();
  }

  /**
   * Joins the values of {@code sources} with {@code separator} into {@code target}, only when every
   * one is non-empty (the sources are read joined by the default {@code ;}).
   */
  public static Relabeling join(List<String> sources, String separator, String target) {
    String regex = String.join(";", Collections.nCopies(sources.size(), "([^;]+)"));
    StringBuilder replacement = new StringBuilder();
    for (int i = 1; i <= sources.size(); i++) {
      replacement.append(i > 1 ? separator : "").append("${").append(i).append('}');
    }
    return builder().sourceLabels(sources).targetLabel(target).regex(regex).replacement(replacement.toString()).build();
  }

  /** Keeps only the targets whose {@code source} equals {@code value}. */
  public static Relabeling keepEqual(String source, String value) {
    return keep(source, literal(value));
  }

  /** {@code value} as a regex matching exactly it. */
  public static String literal(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      b.append("\\.[]{}()*+?^$|".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
    }
    return b.toString();
  }

  /** Keeps only the targets whose {@code source} matches {@code regex}. */
  public static Relabeling keep(String source, String regex) {
    return builder().addSourceLabel(source).regex(regex).action(RelabelAction.KEEP).build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (action() == RelabelAction.REPLACE && targetLabel().isEmpty()) {
      v.required(FieldPath.of("targetLabel"), "a replace relabeling writes a target label");
    }
    if ((action() == RelabelAction.KEEP || action() == RelabelAction.DROP) && sourceLabels().isEmpty()) {
      v.required(FieldPath.of("sourceLabels"), "keep and drop compare source labels");
    }
    try {
      java.util.regex.Pattern.compile(regex());
    } catch (java.util.regex.PatternSyntaxException e) {
      v.invalid(FieldPath.of("regex"), regex(), "is not a regular expression: " + e.getDescription());
    }
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Relabeling}. */
  public static final class Builder extends ImmutableRelabeling.Builder {}
}
