package dev.aiinfra.core.model;

/**
 * The kinds of field error the Kubernetes API server reports ({@code k8s.io/apimachinery/pkg/util/validation/field}).
 * The short name ({@link #name()}) is the stable code in JSON output; {@link #phrase()} is the
 * text the API server prints before the detail.
 */
public enum FieldErrorType {
  Required("Required value"),
  Invalid("Invalid value"),
  TooLong("Too long"),
  TooMany("Too many"),
  NotSupported("Unsupported value"),
  Duplicate("Duplicate value"),
  NotFound("Not found"),
  Forbidden("Forbidden");

  private final String phrase;

  FieldErrorType(String phrase) {
    this.phrase = phrase;
  }

  /** The API server's wording, e.g. {@code "Invalid value"}. */
  public String phrase() {
    return phrase;
  }
}
