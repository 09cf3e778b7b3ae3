package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.ClusterPart;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import org.immutables.value.Value;

/**
 * The Dynamic Resource Allocation state of a cluster (KEP-4381), kept as the DRA part of the one
 * {@link Cluster} model: every ResourceSlice (all nodes, all generations), the DeviceClasses, and
 * the ResourceClaims that hold devices ({@code status.allocation} set). Claims still to allocate are
 * workload, not cluster state, and stay out. Nodes, and so the labels slice node selectors match,
 * are the cluster's.
 *
 * <pre>{@code
 * Cluster cluster = Cluster.builder().addNode(node).addPart(ClusterDevices.builder()
 *     .addSlice(gpus).addClass(gpuClass).addClaim(allocatedClaim).build()).build();
 * DraCluster dra = DraCluster.of(cluster);
 * }</pre>
 */
@Value.Immutable
public abstract class ClusterDevices implements ClusterPart, WithClusterDevices {
  /** Every ResourceSlice, in input order. */
  public abstract List<ResourceSliceSpec> slices();

  /** The DeviceClasses as given (a later class of one name replaces an earlier one). */
  public abstract List<DeviceClassSpec> classes();

  /** Allocated ResourceClaims: the devices already taken. */
  public abstract List<ResourceClaimSpec> claims();

  public static Builder builder() {
    return new Builder();
  }

  /** No slices, classes or claims. */
  public static ClusterDevices none() {
    return builder().build();
  }

  /** The DRA part of {@code cluster}; {@link #none()} when it has none. */
  public static ClusterDevices of(Cluster cluster) {
    return cluster.part(ClusterDevices.class).orElseGet(ClusterDevices::none);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    for (int i = 0; i < claims().size(); i++) {
      ResourceClaimSpec c = claims().get(i);
      if (c.template()) {
        v.forbidden(FieldPath.of("claims").index(i), "a ResourceClaimTemplate is not cluster state: " + c.namespace() + "/" + c.name());
      } else if (c.allocation().isEmpty()) {
        v.required(FieldPath.of("claims").index(i).child("status.allocation"),
            "only allocated claims are cluster state; " + c.namespace() + "/" + c.name() + " is still to allocate");
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link ClusterDevices}. */
  public static final class Builder extends ImmutableClusterDevices.Builder {}
}
