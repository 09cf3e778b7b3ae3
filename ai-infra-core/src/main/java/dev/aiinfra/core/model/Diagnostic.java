package dev.aiinfra.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One explained finding of a policy, in the spirit of kube-scheduler's {@code framework.Status}: a
 * stable code ({@code GANG_TOPOLOGY_DOMAIN_TOO_SMALL}) that callers may switch on, a severity, the
 * object/field path it concerns, a message for a person and a hint on what to do about it.
 */
@Value.Immutable
public abstract class Diagnostic {
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

  /** Stable, upper snake case, the name of a constant of a module's catalog ({@link DiagnosticCode}); part of the public contract. */
  public abstract String code();

  @Value.Default
  public Severity severity() {
    return Severity.ERROR;
  }

  /** Object and field the finding concerns, e.g. {@code Pod default/web: spec.dnsConfig}; may be empty. */
  @Value.Default
  public String path() {
    return "";
  }

  public abstract String message();

  public abstract Optional<String> hint();

  @Value.Check
  protected void check() {
    if (!CODE.matcher(code()).matches()) {
      throw new InvalidSpecException(
          java.util.List.of(
              FieldViolation.invalid(FieldPath.of("code"), code(), "must be UPPER_SNAKE_CASE")));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Diagnostic error(String code, String message) {
    return builder().code(code).message(message).build();
  }

  public static Diagnostic warning(String code, String message) {
    return builder().code(code).severity(Severity.WARNING).message(message).build();
  }

  public static Diagnostic info(String code, String message) {
    return builder().code(code).severity(Severity.INFO).message(message).build();
  }

  /** An error with a code from a module's catalog. */
  public static Diagnostic error(DiagnosticCode code, String message) {
    return error(code.name(), message);
  }

  /** A warning with a code from a module's catalog. */
  public static Diagnostic warning(DiagnosticCode code, String message) {
    return warning(code.name(), message);
  }

  /** A note with a code from a module's catalog. */
  public static Diagnostic info(DiagnosticCode code, String message) {
    return info(code.name(), message);
  }

  public boolean isError() {
    return severity() == Severity.ERROR;
  }

  /** Builder for {@link Diagnostic}; {@code from(...)} copies an existing one. */
  public static final class Builder extends ImmutableDiagnostic.Builder {
    /** Sets the code from a module's catalog ({@link DiagnosticCode}); the diagnostic carries its name. */
    public Builder code(DiagnosticCode code) {
      code(code.name());
      return this;
    }
  }
}
