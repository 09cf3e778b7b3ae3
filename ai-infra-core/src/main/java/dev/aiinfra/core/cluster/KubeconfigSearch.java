package dev.aiinfra.core.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link KubeconfigLocator#locate()}: what names the cluster, if anything ({@code
 * kubeconfig /home/me/.kube/config}, {@code in-cluster service account}, ...), and every place
 * looked at with why it gave nothing, in the order they were tried.
 */
public record KubeconfigSearch(Optional<String> found, List<String> looked) {
  public KubeconfigSearch {
    looked = List.copyOf(looked);
  }

  /**
   * {@code no kubeconfig found: KUBECONFIG is not set; /home/me/.kube/config: no such file; ...}:
   * the message for a caller that stops when nothing was found.
   */
  public String notFound() {
    return "no kubeconfig found: " + String.join("; ", looked);
  }
}
