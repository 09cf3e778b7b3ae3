package dev.aiinfra.observability.model.monitor;

import java.util.Locale;

/** The Prometheus relabel actions the SDK writes (the CRD also takes {@code hashmod}, {@code keepequal}, …). */
public enum RelabelAction {
  /** Write {@code replacement} (with regex groups expanded) to {@code targetLabel} when {@code regex} matches. */
  REPLACE,
  /** Drop the target unless {@code regex} matches the joined source labels. */
  KEEP,
  /** Drop the target when {@code regex} matches the joined source labels. */
  DROP,
  /** Copy every label whose name matches {@code regex} to the name {@code replacement}. */
  LABELMAP,
  /** Remove every label whose name matches {@code regex}. */
  LABELDROP;

  /** The CRD spelling, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
