package dev.aiinfra.core.read;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/** An object read from user input, with where it came from (for error messages about it). */
public final class SourcedObject {
  private final String source;
  private final int document;
  private final HasMetadata object;

  public SourcedObject(String source, int document, HasMetadata object) {
    this.source = Objects.requireNonNull(source);
    this.document = document;
    this.object = Objects.requireNonNull(object);
  }

  public String source() {
    return source;
  }

  public int document() {
    return document;
  }

  public HasMetadata object() {
    return object;
  }

  /** {@code pods.yaml: document 0}: the prefix of an error about this object. */
  public String origin() {
    return source + ": document " + document;
  }

  public InputError error(String field, String rule) {
    return InputError.of(source, document, field, rule);
  }
}
