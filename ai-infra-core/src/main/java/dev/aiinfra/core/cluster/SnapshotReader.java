package dev.aiinfra.core.cluster;

import dev.aiinfra.core.render.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a {@link ClusterSnapshot} through the fabric8 client: all Nodes, Pods of every namespace,
 * and the {@code resource.k8s.io/v1} objects. A cluster that does not serve the DRA API (404) gives
 * empty DRA lists rather than a failure.
 */
public final class SnapshotReader {
  private SnapshotReader() {}

  public static ClusterSnapshot read(KubernetesClient client) {
    return new ClusterSnapshot(
        client.nodes().list().getItems(),
        client.pods().inAnyNamespace().list().getItems(),
        optional(() -> client.resources(ResourceSlice.class).list().getItems()),
        optional(() -> client.resources(DeviceClass.class).list().getItems()),
        optional(() -> client.resources(ResourceClaim.class).inAnyNamespace().list().getItems()));
  }

  private static <T> List<T> optional(Supplier<List<T>> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }
}
