package dev.aiinfra.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the offline policies need from a cluster: Nodes, Pods, ResourceSlices, DeviceClasses,
 * ResourceClaims and ResourceClaimTemplates (DRA, KEP-4381), and the gang objects pending pods
 * point at (the {@code scheduling.k8s.io} Workload and PodGroup of KEP-4671). Written as ordinary multi-document YAML that every offline command reads back;
 * server-managed metadata (managed fields, UIDs, resource versions, timestamps) is dropped so the
 * file is small and stable.
 */
public final class ClusterSnapshot {
  private final List<Node> nodes;
  private final List<Pod> pods;
  private final List<ResourceSlice> resourceSlices;
  private final List<DeviceClass> deviceClasses;
  private final List<ResourceClaim> resourceClaims;
  private final List<ResourceClaimTemplate> resourceClaimTemplates;
  private final List<HasMetadata> gangs;

  public ClusterSnapshot(
      List<Node> nodes,
      List<Pod> pods,
      List<ResourceSlice> resourceSlices,
      List<DeviceClass> deviceClasses,
      List<ResourceClaim> resourceClaims) {
    this(nodes, pods, resourceSlices, deviceClasses, resourceClaims, List.of(), List.of());
  }

  /** {@code gangs}: Workload and PodGroup objects, in whatever version the cluster serves them. */
  public ClusterSnapshot(
      List<Node> nodes,
      List<Pod> pods,
      List<ResourceSlice> resourceSlices,
      List<DeviceClass> deviceClasses,
      List<ResourceClaim> resourceClaims,
      List<ResourceClaimTemplate> resourceClaimTemplates,
      List<? extends HasMetadata> gangs) {
    this.nodes = List.copyOf(nodes);
    this.pods = List.copyOf(pods);
    this.resourceSlices = List.copyOf(resourceSlices);
    this.deviceClasses = List.copyOf(deviceClasses);
    this.resourceClaims = List.copyOf(resourceClaims);
    this.resourceClaimTemplates = List.copyOf(resourceClaimTemplates);
    this.gangs = List.copyOf(gangs);
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<Pod> pods() {
    return pods;
  }

  public List<ResourceSlice> resourceSlices() {
    return resourceSlices;
  }

  public List<DeviceClass> deviceClasses() {
    return deviceClasses;
  }

  public List<ResourceClaim> resourceClaims() {
    return resourceClaims;
  }

  public List<ResourceClaimTemplate> resourceClaimTemplates() {
    return resourceClaimTemplates;
  }

  /** The Workload and PodGroup objects pending pods refer to with {@code spec.schedulingGroup}. */
  public List<HasMetadata> gangs() {
    return gangs;
  }

  /** All objects, each kind sorted by namespace and name, without server-managed metadata. */
  public ManifestBundle toBundle() {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(sorted(deviceClasses));
    all.addAll(sorted(nodes));
    all.addAll(sorted(resourceSlices));
    all.addAll(sorted(resourceClaims));
    all.addAll(sorted(resourceClaimTemplates));
    all.addAll(sorted(gangs));
    all.addAll(sorted(pods));
    all.forEach(ClusterSnapshot::stripServerFields);
    return ManifestBundle.of(all);
  }

  private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
    List<T> copy = new ArrayList<>(objects);
    copy.sort(Comparator.comparing(ManifestBundle::keyOf));
    return copy;
  }

  private static void stripServerFields(HasMetadata o) {
    ObjectMeta m = o.getMetadata();
    if (m != null) {
      m.setManagedFields(null);
      m.setResourceVersion(null);
      m.setUid(null);
      m.setCreationTimestamp(null);
      m.setGeneration(null);
      m.setSelfLink(null);
      if (m.getAnnotations() != null) {
        m.getAnnotations().remove("kubectl.kubernetes.io/last-applied-configuration");
      }
    }
  }
}
