package dev.aiinfra.core.read;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.render.ClusterSnapshot;
import dev.aiinfra.core.render.PodResources;
import dev.aiinfra.core.render.ResourceFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one reader of the {@link Cluster} model, from Kubernetes objects or a {@link ClusterSnapshot}.
 * A node's capacity is {@code status.allocatable} ({@code status.capacity} when allocatable is
 * absent), countable as kube-scheduler counts it; a node without a {@code Ready} condition counts as
 * Ready. A Pod occupies its node ({@link BoundPod}) while {@code spec.nodeName} is set and it has
 * not Succeeded or Failed; pending Pods and other kinds are workload, left to the command's reader.
 * Modules add their state through {@link ClusterPartReader}s (DRA's {@code ClusterDevicesReader}).
 */
public final class ClusterModelReader {
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private ClusterModelReader() {}

  /**
   * The cluster in {@code objects}: Nodes, bound Pods and the parts of {@code parts}; throws {@link
   * ManifestReadException} listing every problem (duplicates included) with its file and document.
   */
  public static Cluster read(List<SourcedObject> objects, ClusterPartReader... parts) {
    List<InputError> errors = new ArrayList<>(DuplicateObjects.find(objects));
    Cluster cluster = read(objects, errors, List.of(parts));
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return cluster;
  }

  /** The cluster of a {@code snapshot} (what {@code ai-infra snapshot} writes), named {@code snapshot} in errors. */
  public static Cluster read(ClusterSnapshot snapshot, ClusterPartReader... parts) {
    List<HasMetadata> all = snapshot.toBundle().objects();
    List<SourcedObject> objects = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      objects.add(new SourcedObject("snapshot", i, all.get(i)));
    }
    return read(objects, parts);
  }

  /**
   * The same, for readers of a whole command input: problems are added to {@code errors} (duplicate
   * objects are the caller's to find, once, over the whole input) and what could be read is
   * returned.
   */
  public static Cluster read(List<SourcedObject> objects, List<InputError> errors, List<ClusterPartReader> parts) {
    List<NodeState> nodes = new ArrayList<>();
    List<BoundPod> pods = new ArrayList<>();
    for (SourcedObject o : objects) {
      HasMetadata m = o.object();
      try {
        if (m instanceof Node n) {
          nodes.add(node(n));
        } else if (m instanceof Pod p && occupies(p)) {
          pods.add(pod(p));
        }
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> errors.add(o.error(v.field(), v.message())));
      }
    }
    Cluster.Builder b = Cluster.builder().pods(pods);
    for (ClusterPartReader part : parts) {
      List<SourcedObject> mine = objects.stream().filter(o -> part.reads(o.object())).toList();
      b.addPart(part.read(mine, errors));
    }
    try {
      return b.nodes(nodes).build();
    } catch (InvalidSpecException e) {
      // one name twice (e.g. a cluster-scoped Node written with two namespaces): the first one counts
      e.violations().forEach(v -> errors.add(InputError.ofFile("<nodes>", v.toString())));
      Map<String, NodeState> first = new LinkedHashMap<>();
      nodes.forEach(n -> first.putIfAbsent(n.name(), n));
      return b.nodes(first.values()).build();
    }
  }

  /** A Node; {@link InvalidSpecException} with paths from the Node's root for what cannot be read. */
  public static NodeState node(Node n) {
    Violations v = new Violations();
    String name = n.getMetadata() == null ? null : n.getMetadata().getName();
    if (name == null || name.isEmpty()) {
      v.required(FieldPath.of("metadata.name"), "");
    }
    NodeState.Builder b = NodeState.builder().name(Objects.requireNonNullElse(name, ""));
    if (n.getMetadata() != null && n.getMetadata().getLabels() != null) {
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
      b.conditions(conditions(n.getStatus().getConditions()));
    }
    ResourceList allocatable = ResourceFields.read(capacity, capacityPath, v);
    ResourceFields.countable(allocatable, capacityPath, "kube-scheduler", v);
    v.throwIfAny();
    return b.allocatable(allocatable).build();
  }

  /** Condition type to status; a later condition of one type replaces an earlier one, as a status patch would. */
  private static Map<String, String> conditions(List<NodeCondition> conditions) {
    Map<String, String> byType = new LinkedHashMap<>();
    if (conditions != null) {
      for (NodeCondition c : conditions) {
        if (c != null && c.getType() != null && !c.getType().isEmpty()) {
          byType.put(c.getType(), Objects.requireNonNullElse(c.getStatus(), ""));
        }
      }
    }
    return byType;
  }

  /** Its required anti-affinity terms; an operator the API would refuse is an {@link InvalidSpecException} at the term. */
  private static List<dev.aiinfra.core.model.node.PodAffinityTerm> antiAffinity(Pod p, Map<String, String> labels) {
    try {
      return PodAffinityTerms.requiredAntiAffinity(p.getSpec(), labels);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(List.of(FieldViolation.of(FieldPath.of("spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"),
          FieldErrorType.Invalid, e.getMessage())));
    }
  }

  /** Whether the pod occupies its node: bound and not terminated. */
  public static boolean occupies(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return p.getSpec() != null && p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()
        && !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  /**
   * A bound pod with its effective requests; unreadable requests are an {@link
   * InvalidSpecException} with paths from the Pod ({@code spec.containers[0]...}).
   */
  public static BoundPod pod(Pod p) {
    ResourceList requests;
    try {
      requests = PodResources.effectiveRequests(p.getSpec());
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(e.violations().stream().map(x -> x.under(FieldPath.of("spec"))).toList());
    }
    io.fabric8.kubernetes.api.model.ObjectMeta meta = Objects.requireNonNullElseGet(p.getMetadata(), io.fabric8.kubernetes.api.model.ObjectMeta::new);
    Map<String, String> labels = Objects.requireNonNullElse(meta.getLabels(), Map.of());
    return BoundPod.builder()
        .namespace(Objects.requireNonNullElse(meta.getNamespace(), "default"))
        .name(Objects.requireNonNullElse(meta.getName(), ""))
        .node(p.getSpec().getNodeName())
        .requests(requests)
        .labels(labels)
        .requiredAntiAffinity(antiAffinity(p, labels))
        .build();
  }
}
