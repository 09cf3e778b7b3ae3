package dev.aiinfra.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule on one field, in the shape of the API server's {@code field.Error}: a field path
 * such as {@code spec.dnsConfig.options[0].name}, an error type, the offending value when there is
 * one, and a detail a person can act on.
 */
public record FieldViolation(String field, FieldErrorType type, Optional<String> badValue, String detail) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(badValue, "badValue");
    Objects.requireNonNull(detail, "detail");
  }

  public static FieldViolation of(FieldPath field, FieldErrorType type, String detail) {
    return new FieldViolation(field.toString(), type, Optional.empty(), detail);
  }

  public static FieldViolation of(FieldPath field, FieldErrorType type, Object badValue, String detail) {
    return new FieldViolation(field.toString(), type, Optional.of(String.valueOf(badValue)), detail);
  }

  public static FieldViolation required(FieldPath field, String detail) {
    return of(field, FieldErrorType.Required, detail);
  }

  public static FieldViolation invalid(FieldPath field, Object badValue, String detail) {
    return of(field, FieldErrorType.Invalid, badValue, detail);
  }

  /**
   * A violation from its printed message ({@code "Invalid value: \"x\": must be ..."}), as readers
   * report problems: the type is the one whose phrase starts the message, the rest is the detail;
   * a message without a known phrase is an {@code Invalid} one with the message as detail.
   */
  public static FieldViolation ofMessage(FieldPath field, String message) {
    for (FieldErrorType t : FieldErrorType.values()) {
      if (message.startsWith(t.phrase())) {
        String rest = message.substring(t.phrase().length());
        return new FieldViolation(field.toString(), t, Optional.empty(), rest.startsWith(": ") ? rest.substring(2) : rest.strip());
      }
    }
    return new FieldViolation(field.toString(), FieldErrorType.Invalid, Optional.empty(), message);
  }

  /** The same violation below another path, e.g. {@code spec.template.spec} + {@code dnsConfig}. */
  public FieldViolation under(FieldPath prefix) {
    String joined = field.isEmpty() ? prefix.toString() : prefix.child(field).toString();
    return new FieldViolation(joined, type, badValue, detail);
  }

  /**
   * In the API server's shape: {@code Invalid value: "y": must be ...}. The type phrase and the
   * shape match the API server; the detail after it is ai-infra's and may be worded differently.
   */
  public String message() {
    StringBuilder text = new StringBuilder(type.phrase());
    badValue.ifPresent(v -> text.append(": \"").append(v).append('"'));
    if (!detail.isEmpty()) {
      text.append(": ").append(detail);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return field + ": " + message();
  }
}
