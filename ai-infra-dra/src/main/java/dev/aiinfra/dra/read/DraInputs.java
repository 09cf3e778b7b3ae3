package dev.aiinfra.dra.read;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.workload.PodResourceClaim;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.dra.model.ClusterDevices;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.DraCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything read for an allocation: slices, classes, claims (allocated ones are the cluster's
 * state), claim templates, at most one pod, and nodes. The cluster part of it (nodes, slices,
 * classes, allocated claims) is the one cluster model, {@link #model()}; the rest is the workload.
 */
@Value.Immutable
public abstract class DraInputs {
  public abstract List<ResourceSliceSpec> slices();

  public abstract List<DeviceClassSpec> classes();

  public abstract List<ResourceClaimSpec> claims();

  public abstract List<ResourceClaimSpec> templates();

  public abstract List<PodClaims> pods();

  /** The Nodes of the input, read as every command reads a Node. */
  public abstract List<NodeState> clusterNodes();

  public static Builder builder() {
    return new Builder();
  }

  /** Node name to labels, in input order. */
  public Map<String, Map<String, String>> nodes() {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    clusterNodes().forEach(n -> labels.put(n.name(), n.labels()));
    return labels;
  }

  /** The cluster in the input: its nodes, and slices, classes and allocated claims as {@link ClusterDevices}. */
  @Value.Lazy
  public Cluster model() {
    ClusterDevices devices = ClusterDevices.builder().slices(slices()).classes(classes())
        .claims(claims().stream().filter(c -> c.allocation().isPresent()).toList()).build();
    return Cluster.builder().nodes(clusterNodes()).addPart(devices).build();
  }

  /** The allocator's view of {@link #model()}. */
  public DraCluster cluster() {
    return DraCluster.of(model());
  }

  /** The devices held by claims that carry {@code status.allocation}. */
  public AllocatedDevices allocated() {
    return AllocatedDevices.of(model());
  }

  /**
   * The pod's claims to allocate: with a Pod, its {@code spec.resourceClaims} in order (a template
   * becomes a claim named {@code <pod>-<entry>}, as the control plane generates it); without one,
   * every claim without an allocation, in input order.
   */
  public List<ResourceClaimSpec> podClaims() {
    if (pods().isEmpty()) {
      return claims().stream().filter(c -> c.allocation().isEmpty()).toList();
    }
    PodClaims pod = pods().get(0);
    List<ResourceClaimSpec> out = new ArrayList<>();
    for (PodResourceClaim rc : pod.claims()) {
      if (rc.resourceClaimTemplateName().isPresent()) {
        findTemplate(pod.namespace(), rc.resourceClaimTemplateName().get())
            .ifPresent(t -> out.add(t.withTemplate(false).withName(pod.name() + "-" + rc.name())));
      } else {
        findClaim(pod.namespace(), rc.resourceClaimName().get()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Problems that span objects: more than one pod, and pod claims naming missing objects. */
  public List<InputError> checkReferences() {
    return checkReferences(Map.of());
  }

  /**
   * {@link #checkReferences()}, each pod's problem reported at the file and document it was read
   * from when {@code origins} (keyed {@code namespace/name}) knows it.
   */
  public List<InputError> checkReferences(Map<String, SourcedObject> origins) {
    List<InputError> errors = new ArrayList<>();
    if (pods().size() > 1) {
      errors.add(InputError.ofFile("<input>", "give one Pod (its claims are allocated together); found " + pods().size()));
    }
    for (PodClaims pod : pods()) {
      SourcedObject origin = origins.get(pod.namespace() + "/" + pod.name());
      for (int i = 0; i < pod.claims().size(); i++) {
        PodResourceClaim rc = pod.claims().get(i);
        if (rc.resourceClaimTemplateName().isPresent() && findTemplate(pod.namespace(), rc.resourceClaimTemplateName().get()).isEmpty()) {
          errors.add(missing(origin, pod, "spec.resourceClaims[" + i + "].resourceClaimTemplateName", "ResourceClaimTemplate "
              + pod.namespace() + "/" + rc.resourceClaimTemplateName().get() + " is not in the input"));
        }
        if (rc.resourceClaimName().isPresent() && findClaim(pod.namespace(), rc.resourceClaimName().get()).isEmpty()) {
          errors.add(missing(origin, pod, "spec.resourceClaims[" + i + "].resourceClaimName", "ResourceClaim "
              + pod.namespace() + "/" + rc.resourceClaimName().get() + " is not in the input"));
        }
      }
    }
    return errors;
  }

  private static InputError missing(SourcedObject origin, PodClaims pod, String field, String rule) {
    return origin != null ? origin.error(field, "Not found: " + rule)
        : InputError.ofFile("Pod " + pod.namespace() + "/" + pod.name(), field + ": " + rule);
  }

  private Optional<ResourceClaimSpec> findTemplate(String namespace, String name) {
    return templates().stream().filter(t -> t.namespace().equals(namespace) && t.name().equals(name)).findFirst();
  }

  private Optional<ResourceClaimSpec> findClaim(String namespace, String name) {
    return claims().stream().filter(t -> t.namespace().equals(namespace) && t.name().equals(name)).findFirst();
  }

  /** Builder for {@link DraInputs}. */
  public static final class Builder extends ImmutableDraInputs.Builder {}
}
