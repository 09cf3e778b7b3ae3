package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.scheduling.model.ClusterNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Nodes and bound pods from Kubernetes objects, as placement sees them.
 *
 * @deprecated the cluster is read once, into the one model, by {@link ClusterModelReader}; use
 *     {@code ClusterState.of(ClusterModelReader.read(objects))}, {@code
 *     ClusterNode.of(ClusterModelReader.node(n))} or {@code ClusterModelReader.pod(p).usage()}.
 */
@Deprecated
public final class ClusterReader {
  private ClusterReader() {}

  /** {@link ClusterModelReader#node} as a {@link ClusterNode}. */
  public static ClusterNode node(Node n) {
    return ClusterNode.of(ClusterModelReader.node(n));
  }

  /** Whether the pod occupies its node: bound and not terminated. */
  public static boolean occupies(Pod p) {
    return ClusterModelReader.occupies(p);
  }

  /**
   * What a bound pod uses: effective requests plus one pod slot; unreadable requests are an
   * {@link InvalidSpecException} with paths from the Pod ({@code spec.containers[0]...}).
   */
  public static ResourceList usage(Pod p) {
    return ClusterModelReader.pod(p).usage();
  }
}
