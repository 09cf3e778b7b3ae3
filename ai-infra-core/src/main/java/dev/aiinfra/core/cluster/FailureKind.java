package dev.aiinfra.core.cluster;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts API failures into those worth retrying (429, 5xx, timeouts, a connection closed or reset
 * under a request) and permanent ones, and reads the server's {@code Retry-After}.
 */
final class FailureKind {
  private static final Set<Integer> TRANSIENT_CODES = Set.of(429, 500, 502, 503, 504);
  /** How fabric8 (vert.x, JDK and OkHttp transports) reports a connection lost under a request. */
  private static final Set<String> CONNECTION_LOST =
      Set.of("HttpClosedException", "ClosedChannelException", "StreamResetException", "ConnectionClosedException");

  private FailureKind() {}

  static boolean isTransient(KubernetesClientException e) {
    if (TRANSIENT_CODES.contains(e.getCode())) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("Timeout") || t instanceof InterruptedIOException) {
        return true;
      }
      // reset, refused, broken pipe, EOF before the answer: the request may or may not have been
      // served; applying again is safe because server-side apply is idempotent
      if (t instanceof SocketException || t instanceof EOFException || CONNECTION_LOST.contains(name)) {
        return true;
      }
      if (String.valueOf(t.getMessage()).contains("Connection was closed")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The wait the server asked for: {@code details.retryAfterSeconds} of its Status, which the API
   * server sets with the {@code Retry-After} header of a 429 or 503.
   */
  static Optional<Duration> retryAfter(KubernetesClientException e) {
    StatusDetails details = e.getStatus() == null ? null : e.getStatus().getDetails();
    if (details == null || details.getRetryAfterSeconds() == null || details.getRetryAfterSeconds() <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(details.getRetryAfterSeconds()));
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
