package dev.aiinfra.core.read;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One problem in user input: the file ({@code <stdin>} for standard input), the document index in
 * it (from 0, absent when the whole file is at fault), the field path, and the rule broken.
 */
public final class InputError {
  private final String source;
  private final OptionalInt document;
  private final String field;
  private final String rule;

  public InputError(String source, OptionalInt document, String field, String rule) {
    this.source = Objects.requireNonNull(source);
    this.document = Objects.requireNonNull(document);
    this.field = Objects.requireNonNull(field);
    this.rule = Objects.requireNonNull(rule);
  }

  public static InputError ofFile(String source, String rule) {
    return new InputError(source, OptionalInt.empty(), "", rule);
  }

  public static InputError of(String source, int document, String field, String rule) {
    return new InputError(source, OptionalInt.of(document), field, rule);
  }

  public String source() {
    return source;
  }

  public OptionalInt document() {
    return document;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  /** {@code pods.yaml: document 2: spec.dnsConfig.nameservers[0]: Invalid value: ...}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source);
    document.ifPresent(d -> text.append(": document ").append(d));
    if (!field.isEmpty()) {
      text.append(": ").append(field);
    }
    return text.append(": ").append(rule).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputError e
        && e.source.equals(source)
        && e.document.equals(document)
        && e.field.equals(field)
        && e.rule.equals(rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, document, field, rule);
  }
}
