package dev.aiinfra.core.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;

/** Sorts API failures into those worth retrying (429, 5xx, timeouts) and permanent ones. */
final class FailureKind {
  private static final Set<Integer> TRANSIENT_CODES = Set.of(429, 500, 502, 503, 504);

  private FailureKind() {}

  static boolean isTransient(KubernetesClientException e) {
    if (TRANSIENT_CODES.contains(e.getCode())) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("Timeout") || t instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  static String describe(KubernetesClientException e) {
    String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : null;
    String base = e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "";
    String text = status != null ? status : rootMessage(e);
    if (e.getCode() == 409) {
      return base + text + " (another field manager owns these fields; re-run with --force-conflicts to take them over)";
    }
    return base + text;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
