package dev.aiinfra.core.read;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One problem in user input: the file ({@code <stdin>} for standard input), the document index in
 * it (from 0, absent when the whole file is at fault), the field path, and the rule broken.
 */
public record InputError(String source, OptionalInt document, String field, String rule) {
  public InputError {
    Objects.requireNonNull(source);
    Objects.requireNonNull(document);
    Objects.requireNonNull(field);
    Objects.requireNonNull(rule);
  }

  public static InputError ofFile(String source, String rule) {
    return new InputError(source, OptionalInt.empty(), "", rule);
  }

  public static InputError of(String source, int document, String field, String rule) {
    return new InputError(source, OptionalInt.of(document), field, rule);
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
}
