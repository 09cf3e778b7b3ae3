package dev.aiinfra.core.cluster;

import java.util.Locale;

/** What happened to one object of an apply. */
public enum ApplyResult {
  /** Created or changed (or would be, in a dry run). */
  APPLIED,
  /** Already as desired; the server changed nothing. */
  UNCHANGED,
  /** Refused permanently, or transient failures outlasted the retry budget; the apply stopped here. */
  FAILED,
  /** Not attempted because an earlier object failed. */
  SKIPPED;

  /** The JSON spelling, e.g. {@code applied}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
