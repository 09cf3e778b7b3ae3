package dev.aiinfra.core.cluster;

import dev.aiinfra.core.render.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a {@link ClusterSnapshot} through the fabric8 client: all Nodes, Pods of every namespace,
 * the {@code resource.k8s.io/v1} objects (DRA, KEP-4381), and the {@code scheduling.k8s.io}
 * Workloads and PodGroups (KEP-4671) at the first version the server lists for each. A cluster that
 * does not serve an API (404, or absent from discovery) gives empty lists rather than a failure.
 */
public final class SnapshotReader {
  /** The gang kinds pending pods point at with {@code spec.schedulingGroup}. */
  private static final List<String> GANG_KINDS = List.of("Workload", "PodGroup");
  private static final String SCHEDULING = "scheduling.k8s.io";

  private SnapshotReader() {}

  public static ClusterSnapshot read(KubernetesClient client) {
    return new ClusterSnapshot(
        client.nodes().list().getItems(),
        client.pods().inAnyNamespace().list().getItems(),
        optional(() -> client.resources(ResourceSlice.class).list().getItems()),
        optional(() -> client.resources(DeviceClass.class).list().getItems()),
        optional(() -> client.resources(ResourceClaim.class).inAnyNamespace().list().getItems()),
        optional(() -> client.resources(ResourceClaimTemplate.class).inAnyNamespace().list().getItems()),
        gangs(client));
  }

  private static List<GenericKubernetesResource> gangs(KubernetesClient client) {
    List<GenericKubernetesResource> all = new ArrayList<>();
    for (String kind : GANG_KINDS) {
      servedVersion(client, kind).ifPresent(apiVersion ->
          all.addAll(optional(() -> client.genericKubernetesResources(apiVersion, kind).inAnyNamespace().list().getItems())));
    }
    return all;
  }

  /** The first version of {@code scheduling.k8s.io} (in the server's order of preference) serving {@code kind}. */
  private static Optional<String> servedVersion(KubernetesClient client, String kind) {
    APIGroup group = optional(() -> {
      APIGroup g = client.getApiGroup(SCHEDULING);
      return g == null ? List.<APIGroup>of() : List.of(g);
    }).stream().findFirst().orElse(null);
    if (group == null || group.getVersions() == null) {
      return Optional.empty();
    }
    for (GroupVersionForDiscovery v : group.getVersions()) {
      List<APIResourceList> resources = optional(() -> {
        APIResourceList l = client.getApiResources(v.getGroupVersion());
        return l == null ? List.<APIResourceList>of() : List.of(l);
      });
      boolean serves = resources.stream().flatMap(l -> l.getResources().stream())
          .anyMatch(r -> kind.equals(r.getKind()) && !r.getName().contains("/"));
      if (serves) {
        return Optional.of(v.getGroupVersion());
      }
    }
    return Optional.empty();
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
