package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.render.PodResources;
import dev.aiinfra.core.render.ResourceFields;
import dev.aiinfra.scheduling.model.ClusterNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * Nodes and bound pods from Kubernetes objects. A node's capacity is {@code status.allocatable}
 * ({@code status.capacity} when allocatable is absent); a node without a {@code Ready} condition
 * counts as Ready, so hand-written inventories need no status block. A bound pod uses its effective
 * requests plus {@code pods: 1} on its node until it has Succeeded or Failed.
 */
public final class ClusterReader {
  private static final java.util.Set<String> EFFECTS = java.util.Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private ClusterReader() {}

  public static ClusterNode node(Node n) {
    ClusterNode.Builder b = ClusterNode.builder().name(n.getMetadata().getName());
    Violations v = new Violations();
    if (n.getMetadata().getLabels() != null) {
      // a label without a value (`zone:`) is already "" here: the shared mapper decodes it as the API server does
      b.labels(n.getMetadata().getLabels());
    }
    if (n.getSpec() != null) {
      b.unschedulable(Boolean.TRUE.equals(n.getSpec().getUnschedulable()));
      List<io.fabric8.kubernetes.api.model.Taint> taints = n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints();
      for (int i = 0; i < taints.size(); i++) {
        io.fabric8.kubernetes.api.model.Taint t = taints.get(i);
        FieldPath at = FieldPath.of("spec.taints").index(i);
        if (t == null || t.getKey() == null || t.getKey().isEmpty()) {
          v.required(at.child("key"), "");
        } else if (!EFFECTS.contains(String.valueOf(t.getEffect()))) {
          v.add(FieldViolation.of(at.child("effect"), FieldErrorType.NotSupported, String.valueOf(t.getEffect()),
              "supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\""));
        } else {
          b.addTaint(Taint.of(t.getKey(), t.getValue() == null ? "" : t.getValue(), TaintEffect.valueOf(t.getEffect())));
        }
      }
    }
    Map<String, io.fabric8.kubernetes.api.model.Quantity> capacity = Map.of();
    FieldPath capacityPath = FieldPath.of("status.allocatable");
    if (n.getStatus() != null) {
      if (n.getStatus().getAllocatable() != null && !n.getStatus().getAllocatable().isEmpty()) {
        capacity = n.getStatus().getAllocatable();
      } else if (n.getStatus().getCapacity() != null) {
        capacity = n.getStatus().getCapacity();
        capacityPath = FieldPath.of("status.capacity");
      }
      if (n.getStatus().getConditions() != null) {
        for (NodeCondition c : n.getStatus().getConditions()) {
          if ("Ready".equals(c.getType())) {
            b.ready("True".equals(c.getStatus()));
          }
        }
      }
    }
    ResourceList allocatable = ResourceFields.read(capacity, capacityPath, v);
    ResourceFields.countable(allocatable, capacityPath, "kube-scheduler", v);
    v.throwIfAny();
    return b.allocatable(allocatable).build();
  }

  /** Whether the pod occupies its node: bound and not terminated. */
  public static boolean occupies(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return p.getSpec() != null && p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()
        && !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  /**
   * What a bound pod uses: effective requests plus one pod slot; unreadable requests are an
   * {@link InvalidSpecException} with paths from the Pod ({@code spec.containers[0]...}).
   */
  public static ResourceList usage(Pod p) {
    try {
      return PodResources.effectiveRequests(p.getSpec()).with("pods", Quantity.of(1));
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(e.violations().stream().map(x -> x.under(FieldPath.of("spec"))).toList());
    }
  }
}
