package dev.aiinfra.core.model;

/** How much a {@link Diagnostic} matters: an error is a "no", a warning is worth reading, info explains. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
