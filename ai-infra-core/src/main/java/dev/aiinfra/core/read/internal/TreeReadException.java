package dev.aiinfra.core.read.internal;

import java.util.OptionalInt;

/**
 * Input that cannot be read into trees: the document it is in (absent when the whole input is at
 * fault), the field path inside that document ({@code ""} for the document itself) and the rule
 * broken, worded for a person, without Java class names.
 */
public final class TreeReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final OptionalInt document;
  private final String path;

  public TreeReadException(OptionalInt document, String path, String rule) {
    super(rule, null, false, false);
    this.document = document;
    this.path = path;
  }

  public OptionalInt document() {
    return document;
  }

  public String path() {
    return path;
  }

  public String rule() {
    return getMessage();
  }
}
