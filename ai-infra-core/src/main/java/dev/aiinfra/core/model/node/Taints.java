package dev.aiinfra.core.model.node;

import java.util.List;
import java.util.Optional;

/** {@code FindMatchingUntoleratedTaint}: the first scheduling-blocking taint no toleration covers. */
public final class Taints {
  private Taints() {}

  public static Optional<Taint> firstUntolerated(List<Taint> taints, List<Toleration> tolerations) {
    for (Taint t : taints) {
      if (!t.blocksScheduling()) {
        continue;
      }
      boolean tolerated = false;
      for (Toleration tol : tolerations) {
        if (tol.tolerates(t)) {
          tolerated = true;
          break;
        }
      }
      if (!tolerated) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
