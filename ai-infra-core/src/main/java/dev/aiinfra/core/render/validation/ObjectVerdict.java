package dev.aiinfra.core.render.validation;

/**
 * What {@code validate} says of one object: it breaks a rule, it keeps every rule of its kind, or
 * ai-infra has no model of its kind (a CRD) and checked only its {@code metadata} — which the caller
 * either refuses ("not checked: unknown kind") or accepts ({@code --ignore-unknown-kinds}).
 */
public enum ObjectVerdict {
  /** At least one rule broken (a repeated object included). */
  INVALID,
  /** Every rule of the object's kind kept. */
  VALID,
  /** Unknown kind, metadata valid, and the caller ignores unknown kinds: counted as valid. */
  UNKNOWN_KIND_ACCEPTED,
  /** Unknown kind, metadata valid: not known to be valid. */
  NOT_CHECKED;

  /** Whether this verdict lets the input pass. */
  public boolean passes() {
    return this == VALID || this == UNKNOWN_KIND_ACCEPTED;
  }
}
