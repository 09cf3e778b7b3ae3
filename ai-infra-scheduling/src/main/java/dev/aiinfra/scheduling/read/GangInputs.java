package dev.aiinfra.scheduling.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.index.PodIndex;
import dev.aiinfra.core.model.index.PodPosition;
import dev.aiinfra.core.model.manifest.ApiVersions;
import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.read.DuplicateObjects;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.render.PodResources;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.TreeBinding;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.GangOwner;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PodSetResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the objects given to {@code ai-infra gang place} into placement inputs: Nodes and bound
 * Pods become the cluster; pending Pods (and the pods that Jobs, JobSets, LeaderWorkerSets and
 * StatefulSets expand to) are grouped into gangs by, in this order, {@code
 * spec.schedulingGroup.podGroupName}, {@code spec.workloadRef}, Kueue's pod group (annotation, then
 * label) or a Kueue-queued controller, {@code scheduling.x-k8s.io/pod-group}, and Volcano's {@code
 * scheduling.k8s.io/group-name}; minCount comes from the matching Workload or PodGroup. Pods of one
 * group whose requests or placement rules differ form separate pod sets. Levels come from a Kueue
 * Topology, else from the given levels, else the hostname alone.
 */
public final class GangInputs {
  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> CONTROLLERS = Set.of("Job", "JobSet", "LeaderWorkerSet", "StatefulSet");
  /** Kueue objects read for admission: with a ClusterQueue, queue-labelled gangs are admitted against its quota. */
  private static final Set<String> QUEUE_KINDS = Set.of("ClusterQueue", "LocalQueue", "Cohort");

  private final Cluster model;
  private final ClusterState cluster;
  private final List<Gang> gangs;
  private final List<GangResult> rejected;
  private final PlacementOptions options;
  private final boolean usesWorkloadApi;

  private GangInputs(Cluster model, ClusterState cluster, List<Gang> gangs, List<GangResult> rejected, PlacementOptions options,
      boolean usesWorkloadApi) {
    this.model = model;
    this.cluster = cluster;
    this.gangs = gangs;
    this.rejected = rejected;
    this.options = options;
    this.usesWorkloadApi = usesWorkloadApi;
  }

  /** Whether any pod joins a gang through the native Workload API (schedulingGroup or workloadRef). */
  public boolean usesWorkloadApi() {
    return usesWorkloadApi;
  }

  /** The cluster read from the input (Nodes and bound Pods), as the one cluster model. */
  public Cluster model() {
    return model;
  }

  /** The placement view of {@link #model()}. */
  public ClusterState cluster() {
    return cluster;
  }

  /** Gangs to place, in input order. */
  public List<Gang> gangs() {
    return gangs;
  }

  /** Gangs that cannot be placed before any placement is tried (e.g. fewer pods than minCount). */
  public List<GangResult> rejected() {
    return rejected;
  }

  public PlacementOptions options() {
    return options;
  }

  private record GroupKey(GangKind kind, String namespace, String name) {}

  /** Whether {@link #read} takes objects of this kind. */
  public static boolean reads(String apiVersion, String kind) {
    String group = ApiVersions.group(apiVersion);
    return (group.isEmpty() && (kind.equals("Node") || kind.equals("Pod")))
        || (group.equals("kueue.x-k8s.io") && (kind.equals("Topology") || kind.equals("ResourceFlavor")))
        || (group.equals("kueue.x-k8s.io") && QUEUE_KINDS.contains(kind))
        || CONTROLLERS.contains(kind);
  }

  /**
   * The problems {@link #read} finds in one object on its own: everything but references to
   * other objects (a PodGroup or Workload "not in the input") and the input as a whole (no gang
   * to place), which only the whole input can settle. Paths are the object's own.
   */
  public static List<InputError> check(SourcedObject o) {
    try {
      read(List.of(o), List.of());
      return List.of();
    } catch (ManifestReadException e) {
      // errors without a document are about the input as a whole (no gang to place)
      return e.errors().stream().filter(x -> x.document().isPresent())
          .filter(x -> !x.rule().contains(" is not in the input") && !x.rule().contains(" has no pod group named ")).toList();
    }
  }

  public static GangInputs read(List<SourcedObject> objects, List<String> topologyLevels) {
    // the same node or workload twice would be counted twice; say where both are
    Classified in = new Classified(new ArrayList<>(DuplicateObjects.find(objects)));
    for (SourcedObject o : objects) {
      in.add(o);
    }
    List<InputError> errors = in.errors;
    Topology topology = topology(in.topologies, in.flavors, topologyLevels, errors);
    PlacementOptions.Builder options = PlacementOptions.builder().topology(topology);
    flavorSettings(in.flavors, options, errors);
    kueueQueues(in, options, errors);

    Map<GroupKey, List<ExpandedPod>> groups = new LinkedHashMap<>();
    for (ExpandedPod p : in.pending) {
      groups.computeIfAbsent(groupOf(p, in.kueueControllerGroup.get(p), in.kueueQueue.get(p)), k -> new ArrayList<>()).add(p);
    }
    List<Gang> gangs = new ArrayList<>();
    List<GangResult> rejected = new ArrayList<>();
    for (Map.Entry<GroupKey, List<ExpandedPod>> e : groups.entrySet()) {
      assembleReportingErrors(e.getKey(), e.getValue(), in.declaring, in.boundByGroup.getOrDefault(e.getKey(), Map.of()), in.kueueQueue, gangs, rejected, errors);
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    if (gangs.isEmpty() && rejected.isEmpty()) {
      throw new ManifestReadException(List.of(nothingToPlace(objects, in.nodes.size())));
    }
    boolean workloadApi = groups.keySet().stream().anyMatch(k -> k.name().startsWith("PodGroup/") || k.name().startsWith("Workload/"));
    Cluster model = clusterModel(in.nodes, in.bound);
    return new GangInputs(model, ClusterState.of(model), gangs, rejected, options.build(), workloadApi);
  }

  /**
   * The input classified by what each object is to placement: a node, a bound pod, pending pods
   * (pods and the pods controllers expand to), an object declaring a gang, a Kueue Topology or
   * ResourceFlavor; every object's problems are collected, not just the first.
   */
  private static final class Classified {
    final List<InputError> errors;
    final List<NodeState> nodes = new ArrayList<>();
    final List<BoundPod> bound = new ArrayList<>();
    final List<ExpandedPod> pending = new ArrayList<>();
    /** PodGroups and Workloads by kind, group, namespace and name. */
    final Map<String, SourcedObject> declaring = new HashMap<>();
    final List<SourcedObject> topologies = new ArrayList<>();
    final List<SourcedObject> flavors = new ArrayList<>();
    /** ClusterQueues, LocalQueues and Cohorts. */
    final List<SourcedObject> queues = new ArrayList<>();
    /** The LocalQueue each pending pod is submitted to ({@code kueue.x-k8s.io/queue-name} on the pod or its controller). */
    final Map<ExpandedPod, String> kueueQueue = new HashMap<>();
    /** The Kueue workload (kind/name) of each pod of a Kueue-queued controller. */
    final Map<ExpandedPod, String> kueueControllerGroup = new HashMap<>();
    /** Bound pods by the group their gang wiring names: pod name to node name. */
    final Map<GroupKey, Map<String, String>> boundByGroup = new HashMap<>();

    Classified(List<InputError> errors) {
      this.errors = errors;
    }

    void add(SourcedObject o) {
      HasMetadata obj = o.object();
      String group = ApiVersions.group(obj.getApiVersion());
      String kind = obj.getKind();
      try {
        if (kind.equals("Node") && group.isEmpty()) {
          nodes.add(ClusterModelReader.node((Node) obj));
        } else if (kind.equals("Pod") && group.isEmpty()) {
          addPod(o, (Pod) obj);
        } else if (kind.equals("PodGroup") || kind.equals("Workload") && group.equals("scheduling.k8s.io")) {
          declaring.put(kind + "|" + group + "|" + ns(obj) + "|" + obj.getMetadata().getName(), o);
        } else if (kind.equals("Topology") && group.equals("kueue.x-k8s.io")) {
          topologies.add(o);
        } else if (kind.equals("ResourceFlavor") && group.equals("kueue.x-k8s.io")) {
          flavors.add(o);
        } else if (QUEUE_KINDS.contains(kind) && group.equals("kueue.x-k8s.io")) {
          queues.add(o);
        } else if (CONTROLLERS.contains(kind)) {
          addController(o);
        } else {
          errors.add(o.error("kind", "Unsupported value: \"" + kind + "\": gang place reads Node, Pod, Workload, PodGroup,"
              + " Kueue Topology, ResourceFlavor, ClusterQueue, LocalQueue and Cohort, Job, JobSet, LeaderWorkerSet and StatefulSet objects"));
        }
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> errors.add(o.error(v.field(), v.message())));
      } catch (ManifestReadException e) {
        errors.addAll(e.errors());
      } catch (IllegalArgumentException e) {
        errors.add(o.error("", "Invalid value: " + e.getMessage()));
      }
    }

    /** A bound pod that occupies its node is part of the cluster; an unbound one is pending; a finished one is neither. */
    private void addPod(SourcedObject o, Pod p) {
      if (ClusterModelReader.occupies(p)) {
        bound.add(ClusterModelReader.pod(p));
        // a member of a group already running pins the rest of the group (KEP-5732)
        for (ExpandedPod e : PodExpansion.expand(o)) {
          boundByGroup.computeIfAbsent(groupOf(e, null, null), k -> new LinkedHashMap<>()).put(e.name(), p.getSpec().getNodeName());
        }
      } else if (p.getSpec() == null || p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty()) {
        List<ExpandedPod> pods = PodExpansion.expand(o);
        String queue = p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(GangKeys.KUEUE_QUEUE_NAME);
        if (queue != null) {
          pods.forEach(x -> kueueQueue.put(x, queue));
        }
        pending.addAll(pods);
      }
    }

    /** A controller's pods are pending; with a Kueue queue label the whole controller is one Kueue workload. */
    private void addController(SourcedObject o) {
      HasMetadata obj = o.object();
      String kind = obj.getKind();
      List<ExpandedPod> pods = PodExpansion.expand(o);
      String queue = obj.getMetadata().getLabels() == null ? null : obj.getMetadata().getLabels().get(GangKeys.KUEUE_QUEUE_NAME);
      if (queue != null) {
        for (ExpandedPod p : pods) {
          kueueQueue.put(p, queue);
          // Kind and name: a Kueue-queued Job and JobSet of the same name are two workloads.
          kueueControllerGroup.put(p, kind + "/" + (kind.equals("LeaderWorkerSet")
              ? p.controller().substring(p.controller().indexOf('/') + 1).replace('/', '-') : obj.getMetadata().getName()));
        }
      }
      pending.addAll(pods);
    }
  }

  /** {@link #assemble} with a builder's or annotation's refusal reported at the group's first pod. */
  private static void assembleReportingErrors(GroupKey key, List<ExpandedPod> pods, Map<String, SourcedObject> declaring,
      Map<String, String> bound, Map<ExpandedPod, String> queues, List<Gang> gangs, List<GangResult> rejected, List<InputError> errors) {
    try {
      assemble(key, pods, declaring, bound, gangs, rejected, errors, key.kind() == GangKind.KUEUE ? Optional.ofNullable(queues.get(pods.get(0))) : Optional.empty());
    } catch (InvalidSpecException ex) {
      ExpandedPod first = pods.get(0);
      ex.violations().forEach(v -> errors.add(first.origin().error(first.path(), v.toString())));
    } catch (IllegalArgumentException ex) {
      ExpandedPod first = pods.get(0);
      errors.add(first.origin().error("metadata.annotations", "Invalid value: " + ex.getMessage()));
    }
  }

  /** The one cluster model of the input's nodes and bound pods. */
  private static Cluster clusterModel(List<NodeState> nodes, List<BoundPod> bound) {
    try {
      return Cluster.builder().nodes(nodes).pods(bound).build();
    } catch (InvalidSpecException ex) {
      throw new ManifestReadException(ex.violations().stream().map(v -> InputError.ofFile("<nodes>", v.toString())).toList());
    }
  }

  /**
   * Input with Nodes (and bound Pods) but no workload: "every gang fits" would be true of nothing,
   * and usually means the workload's file was left out.
   */
  private static InputError nothingToPlace(List<SourcedObject> objects, int nodes) {
    String sources = objects.stream().map(SourcedObject::source).distinct().collect(java.util.stream.Collectors.joining(", "));
    return InputError.ofFile(sources.isEmpty() ? "<input>" : sources,
        "no gang to place: the input holds " + nodes + " Node" + (nodes == 1 ? "" : "s")
            + " but no pending Pod (one without spec.nodeName) and no Job, JobSet, LeaderWorkerSet or StatefulSet;"
            + " add the workload to place");
  }

  private static String ns(HasMetadata o) {
    return o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
  }

  private static GroupKey groupOf(ExpandedPod p, String kueueController, String kueueQueue) {
    JsonNode spec = JSON.valueToTree(p.spec());
    String podGroup = spec.path("schedulingGroup").path("podGroupName").asText("");
    if (!podGroup.isEmpty()) {
      return new GroupKey(GangKind.WORKLOAD, p.namespace(), "PodGroup/" + podGroup);
    }
    JsonNode ref = spec.path("workloadRef");
    if (ref.isObject()) {
      String replica = ref.path("podGroupReplicaKey").asText("");
      return new GroupKey(GangKind.WORKLOAD, p.namespace(),
          "Workload/" + ref.path("name").asText() + "/" + ref.path("podGroup").asText() + (replica.isEmpty() ? "" : "/" + replica));
    }
    String kueue = p.annotations().getOrDefault(GangKeys.KUEUE_POD_GROUP_NAME, p.labels().get(GangKeys.KUEUE_POD_GROUP_NAME));
    if (kueue != null) {
      return new GroupKey(GangKind.KUEUE, p.namespace(), kueue);
    }
    if (kueueController != null) {
      return new GroupKey(GangKind.KUEUE, p.namespace(), "controller/" + kueueController);
    }
    if (kueueQueue != null && p.controller().startsWith("Pod/")) {
      // Kueue's pod integration: a lone queued pod is a workload of its own.
      return new GroupKey(GangKind.KUEUE, p.namespace(), "controller/Pod/" + p.name());
    }
    String cosched = p.labels().get(GangKeys.COSCHEDULING_POD_GROUP);
    if (cosched != null) {
      return new GroupKey(GangKind.COSCHEDULING, p.namespace(), cosched);
    }
    String volcano = p.annotations().get(GangKeys.VOLCANO_GROUP_NAME);
    if (volcano != null) {
      return new GroupKey(GangKind.VOLCANO, p.namespace(), volcano);
    }
    return new GroupKey(GangKind.WORKLOAD, p.namespace(), "controller/" + p.controller());
  }

  /**
   * One group of pods as a gang: what the object declaring it says (name, minCount, topology), its pod
   * sets, and either a gang to place or a gang rejected up front because too few of its pods exist.
   */
  private static void assemble(GroupKey key, List<ExpandedPod> pods, Map<String, SourcedObject> objects,
      Map<String, String> bound, List<Gang> gangs, List<GangResult> rejected, List<InputError> errors, Optional<String> queueName) {
    Optional<Declared> found = declared(key, pods, objects, errors);
    if (found.isEmpty()) {
      return;
    }
    Declared declared = found.get();
    // bound members count towards minCount (the gang plugin's "scheduled" pods)
    Optional<String> why = declared.unplaceable().or(() -> tooFewPods(declared.minCount(), pods.size() + bound.size()));
    int before = errors.size();
    List<PodSet> podSets = podSets(key.kind(), pods, errors);
    if (errors.size() > before) {
      return;
    }
    ExpandedPod first = pods.get(0);
    if (why.isPresent()) {
      rejected.add(tooFewPodsResult(key, first, declared, podSets, why.get()));
      return;
    }
    gangs.add(Gang.builder().name(declared.name()).namespace(key.namespace()).kind(key.kind()).owner(owner(key, first)).minCount(declared.minCount())
        .podSets(podSets).topologyKey(declared.topologyKey()).boundMembers(bound).queueName(queueName).build());
  }

  /**
   * What the object that declares a group says about it: the gang's name, its minCount, the topology
   * key it requires, and why it cannot be placed whatever the cluster (a Kueue group still waiting for
   * pods).
   */
  private record Declared(String name, int minCount, Optional<String> topologyKey, Optional<String> unplaceable) {
    static Declared of(String name, int minCount) {
      return new Declared(name, minCount, Optional.empty(), Optional.empty());
    }
  }

  /** The declaration of a group by its kind; empty (with the errors added) when the declaring object is missing or wrong. */
  private static Optional<Declared> declared(GroupKey key, List<ExpandedPod> pods, Map<String, SourcedObject> objects, List<InputError> errors) {
    ExpandedPod first = pods.get(0);
    String gangName = key.name().contains("/") ? key.name().substring(key.name().lastIndexOf('/') + 1) : key.name();
    switch (key.kind()) {
      case WORKLOAD:
        if (key.name().startsWith("PodGroup/")) {
          return nativePodGroup(key, first, objects, errors);
        }
        if (key.name().startsWith("Workload/")) {
          return workloadPodGroup(key, first, objects, errors);
        }
        // No object declares a gang: the controller's pods (or the lone Pod) all have to run.
        return Optional.of(Declared.of(gangName, pods.size()));
      case COSCHEDULING: {
        SourcedObject pg = objects.get("PodGroup|scheduling.x-k8s.io|" + key.namespace() + "|" + gangName);
        if (pg == null) {
          errors.add(first.origin().error("metadata.labels[" + GangKeys.COSCHEDULING_POD_GROUP + "]",
              "PodGroup " + key.namespace() + "/" + gangName + " (scheduling.x-k8s.io) is not in the input"));
          return Optional.empty();
        }
        return Optional.of(Declared.of(gangName, JSON.valueToTree(pg.object()).path("spec").path("minMember").asInt(1)));
      }
      case VOLCANO: {
        SourcedObject pg = objects.get("PodGroup|scheduling.volcano.sh|" + key.namespace() + "|" + gangName);
        if (pg == null) {
          errors.add(first.origin().error("metadata.annotations[" + GangKeys.VOLCANO_GROUP_NAME + "]",
              "PodGroup " + key.namespace() + "/" + gangName + " (scheduling.volcano.sh) is not in the input"));
          return Optional.empty();
        }
        return Optional.of(Declared.of(gangName, Math.max(1, JSON.valueToTree(pg.object()).path("spec").path("minMember").asInt(1))));
      }
      case KUEUE:
      default:
        return kueuePodGroup(key, gangName, pods, errors);
    }
  }

  /** A native PodGroup ({@code spec.schedulingGroup.podGroupName}): its gang minCount and first required topology key. */
  private static Optional<Declared> nativePodGroup(GroupKey key, ExpandedPod first, Map<String, SourcedObject> objects, List<InputError> errors) {
    String gangName = key.name().substring("PodGroup/".length());
    SourcedObject pg = objects.get("PodGroup|scheduling.k8s.io|" + key.namespace() + "|" + gangName);
    if (pg == null) {
      errors.add(first.origin().error(first.path() + ".schedulingGroup.podGroupName",
          "PodGroup " + key.namespace() + "/" + gangName + " is not in the input; the scheduler keeps such pods unschedulable until it exists"));
      return Optional.empty();
    }
    JsonNode spec = JSON.valueToTree(pg.object()).path("spec");
    int minCount = spec.path("schedulingPolicy").has("gang") ? spec.path("schedulingPolicy").path("gang").path("minCount").asInt(1) : 1;
    Optional<String> topologyKey = Optional.empty();
    JsonNode topo = spec.path("schedulingConstraints").path("topology");
    if (topo.isArray() && topo.size() > 0) {
      topologyKey = Optional.of(topo.get(0).path("key").asText());
    }
    return Optional.of(new Declared(gangName, minCount, topologyKey, Optional.empty()));
  }

  /** A pod group of a Workload ({@code spec.workloadRef}): the gang minCount of the named pod group. */
  private static Optional<Declared> workloadPodGroup(GroupKey key, ExpandedPod first, Map<String, SourcedObject> objects, List<InputError> errors) {
    String[] parts = key.name().split("/");
    String gangName = parts[1] + "/" + parts[2] + (parts.length > 3 ? "/" + parts[3] : "");
    SourcedObject wl = objects.get("Workload|scheduling.k8s.io|" + key.namespace() + "|" + parts[1]);
    if (wl == null) {
      errors.add(first.origin().error(first.path() + ".workloadRef.name",
          "Workload " + key.namespace() + "/" + parts[1] + " is not in the input"));
      return Optional.empty();
    }
    JsonNode podGroups = JSON.valueToTree(wl.object()).path("spec").path("podGroups");
    JsonNode found = null;
    for (JsonNode g : podGroups) {
      if (g.path("name").asText().equals(parts[2])) {
        found = g;
      }
    }
    if (found == null) {
      errors.add(first.origin().error(first.path() + ".workloadRef.podGroup",
          "Workload " + parts[1] + " has no pod group named " + parts[2]));
      return Optional.empty();
    }
    return Optional.of(Declared.of(gangName, found.path("policy").has("gang") ? found.path("policy").path("gang").path("minCount").asInt(1) : 1));
  }

  /**
   * A Kueue pod group: plain pods carry the group's total count, and Kueue admits nothing until all of
   * them exist; a Kueue-queued controller is one workload of all its pods.
   */
  private static Optional<Declared> kueuePodGroup(GroupKey key, String gangName, List<ExpandedPod> pods, List<InputError> errors) {
    if (key.name().startsWith("controller/")) {
      return Optional.of(Declared.of(gangName, pods.size()));
    }
    ExpandedPod first = pods.get(0);
    String total = first.annotations().get(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT);
    if (total == null) {
      errors.add(first.origin().error("metadata.annotations[" + GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT + "]",
          "Required value: Kueue needs the pod group's total count next to " + GangKeys.KUEUE_POD_GROUP_NAME));
      return Optional.empty();
    }
    int minCount;
    try {
      minCount = Integer.parseInt(total.trim());
    } catch (NumberFormatException e) {
      errors.add(first.origin().error("metadata.annotations[" + GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT + "]", "Invalid value: \"" + total + "\": must be an integer"));
      return Optional.empty();
    }
    Optional<String> why = minCount == pods.size() ? Optional.empty()
        : Optional.of("Kueue waits for all " + minCount + " pods of pod group " + gangName + " (" + GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT + "); " + pods.size() + " are in the input");
    return Optional.of(new Declared(gangName, minCount, Optional.empty(), why));
  }

  /** The scheduler's gang rule (and coscheduling's, Volcano's): a gang waits until minCount of its pods exist. */
  private static Optional<String> tooFewPods(int minCount, int pods) {
    return minCount > pods
        ? Optional.of("waiting for minCount pods from a gang to appear in scheduling queue: minCount " + minCount + ", " + pods + " pods in the input")
        : Optional.empty();
  }

  /** A gang rejected before placement: none of its pod sets placed, with the reason. */
  private static GangResult tooFewPodsResult(GroupKey key, ExpandedPod first, Declared declared, List<PodSet> podSets, String why) {
    List<PodSetResult> empty = new ArrayList<>();
    podSets.forEach(ps -> empty.add(PodSetResult.builder().name(ps.name()).count(ps.count()).build()));
    return GangResult.builder().name(declared.name()).namespace(key.namespace()).kind(key.kind()).owner(owner(key, first)).minCount(declared.minCount()).placed(0).fits(false)
        .podSets(empty).addReasons(Diagnostic.builder().code(SchedulingCode.GANG_TOO_FEW_PODS).path(key.kind() + " " + key.namespace() + "/" + declared.name())
            .message(why).hint("create every pod of the group, or lower minCount").build()).build();
  }

  /**
   * The object a group of pods belongs to: the PodGroup or Workload that declares it, the PodGroup
   * of coscheduling and Volcano, the Kueue-queued controller, or, when nothing declares a gang, the
   * controller of the pods with its replicated job or LWS group (or the lone Pod). A Kueue pod group
   * of plain pods has none: its name is its identity.
   */
  private static Optional<GangOwner> owner(GroupKey key, ExpandedPod first) {
    String name = key.name();
    if (name.startsWith("PodGroup/")) {
      return Optional.of(GangOwner.of("PodGroup", name.substring("PodGroup/".length())));
    }
    if (name.startsWith("Workload/")) {
      String[] parts = name.split("/", 3);
      return Optional.of(GangOwner.of("Workload", parts[1], parts[2]));
    }
    switch (key.kind()) {
      case COSCHEDULING:
      case VOLCANO:
        return Optional.of(GangOwner.of("PodGroup", name));
      case KUEUE:
        if (!name.startsWith("controller/")) {
          return Optional.empty();
        }
        // The whole controller is one Kueue workload; an LWS is one per group.
        String[] c = first.controller().split("/", 3);
        return Optional.of(c[0].equals("LeaderWorkerSet") && c.length == 3 ? GangOwner.of(c[0], c[1], c[2]) : GangOwner.of(c[0], c[1]));
      case WORKLOAD:
      default:
        String[] parts = first.controller().split("/", 3);
        return Optional.of(parts.length == 3 ? GangOwner.of(parts[0], parts[1], parts[2]) : GangOwner.of(parts[0], parts[1]));
    }
  }

  /**
   * Splits a group's pods by role: same requests, tolerations, selectors and topology annotations.
   * A pod whose requests cannot be read adds its problems to {@code errors}, at its own object.
   */
  private static List<PodSet> podSets(GangKind kind, List<ExpandedPod> pods, List<InputError> errors) {
    Map<String, List<ExpandedPod>> roles = new LinkedHashMap<>();
    Map<String, PodSet.Builder> builders = new HashMap<>();
    Map<ExpandedPod, InterPodRules> interPod = new java.util.IdentityHashMap<>();
    for (ExpandedPod p : pods) {
      ResourceList req;
      try {
        req = PodResources.effectiveRequests(p.spec());
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> errors.add(p.origin().error(v.under(FieldPath.of(p.path())).field(), v.message())));
        continue;
      }
      List<Toleration> tolerations = tolerations(p.spec());
      Map<String, String> selector = p.spec().getNodeSelector() == null ? Map.of() : new TreeMap<>(p.spec().getNodeSelector());
      List<NodeSelectorTerm> affinity = affinity(p.spec());
      try {
        interPod.put(p, ExclusivePlacement.rules(p));
      } catch (IllegalArgumentException e) {
        errors.add(p.origin().error(p.path() + ".affinity", "Invalid value: " + e.getMessage()));
        continue;
      }
      Optional<TopologyRequest> topology = kind == GangKind.KUEUE ? topology(p.annotations()) : Optional.empty();
      // Kueue honours podset-group-name only next to a required or preferred level.
      boolean leveled = p.annotations().containsKey(GangKeys.KUEUE_REQUIRED_TOPOLOGY) || p.annotations().containsKey(GangKeys.KUEUE_PREFERRED_TOPOLOGY);
      Optional<String> podSetGroup = kind == GangKind.KUEUE && leveled
          ? Optional.ofNullable(p.annotations().get(GangKeys.KUEUE_PODSET_GROUP_NAME)) : Optional.empty();
      String role = roleName(p);
      String signature = role + "|" + req + "|" + tolerations + "|" + selector + "|" + affinity + "|" + topology + "|" + podSetGroup;
      roles.computeIfAbsent(signature, s -> new ArrayList<>()).add(p);
      builders.computeIfAbsent(signature, s -> PodSet.builder().requests(req).tolerations(tolerations).nodeSelector(selector)
          .requiredAffinity(affinity).topology(topology).groupName(podSetGroup));
    }
    boolean lwsKueue = kind == GangKind.KUEUE && pods.stream().allMatch(p -> p.controller().startsWith("LeaderWorkerSet/")) && roles.size() == 2;
    List<PodSet> out = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    for (Map.Entry<String, List<ExpandedPod>> e : roles.entrySet()) {
      List<ExpandedPod> members = new ArrayList<>(e.getValue());
      members.sort(Comparator.comparing((ExpandedPod p) -> rank(p)).thenComparing(ExpandedPod::name));
      String base = roleName(members.get(0));
      int n = used.merge(base, 1, Integer::sum);
      PodSet.Builder b = builders.get(e.getKey()).name(n == 1 ? base : base + "-" + n).count(members.size())
          .podNames(members.stream().map(ExpandedPod::name).toList())
          .interPod(members.stream().map(interPod::get).toList());
      if (lwsKueue) {
        b.groupName(members.get(0).labels().getOrDefault(dev.aiinfra.core.model.index.PodIndexKeys.LWS_NAME, "lws")
            + "-" + members.get(0).labels().getOrDefault(dev.aiinfra.core.model.index.PodIndexKeys.LWS_GROUP_INDEX, "0"));
      }
      out.add(b.build());
    }
    return out;
  }

  private static long rank(ExpandedPod p) {
    Optional<PodPosition> pos = PodIndex.read(p.labels(), p.annotations());
    return pos.map(x -> (long) x.group().orElse(0) * 1_000_000L + x.index()).orElse(Long.MAX_VALUE);
  }

  private static String roleName(ExpandedPod p) {
    String podset = p.labels().get(GangKeys.KUEUE_PODSET);
    if (podset != null) {
      return podset;
    }
    String c = p.controller();
    if (c.startsWith("JobSet/")) {
      return c.substring(c.lastIndexOf('/') + 1);
    }
    if (c.startsWith("LeaderWorkerSet/")) {
      return "0".equals(p.labels().get(dev.aiinfra.core.model.index.PodIndexKeys.LWS_WORKER_INDEX)) ? "leader" : "workers";
    }
    return "main";
  }

  /**
   * The Kueue TAS request that a pod template's annotations carry ({@code podset-*-topology}, slices,
   * multi-layer slices), as Kueue's jobframework reads them; throws {@link IllegalArgumentException}
   * naming the annotation when a value is malformed.
   */
  public static Optional<TopologyRequest> topologyRequest(Map<String, String> annotations) {
    return topology(annotations);
  }

  private static Optional<TopologyRequest> topology(Map<String, String> a) {
    Optional<String> sliceLevel = Optional.ofNullable(a.get(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY));
    Optional<Integer> sliceSize = Optional.ofNullable(a.get(GangKeys.KUEUE_SLICE_SIZE)).map(s -> Integer.parseInt(s.trim()));
    List<TopologyRequest.SliceLayer> inner = new ArrayList<>();
    String layers = a.get(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS);
    if (layers != null) {
      // Multi-layer slices (TASMultiLayerTopology, on by default since Kueue v0.19) replace the two single-layer keys.
      List<TopologyRequest.SliceLayer> all = sliceLayers(layers);
      sliceLevel = Optional.of(all.get(0).level());
      sliceSize = Optional.of(all.get(0).size());
      inner.addAll(all.subList(1, all.size()));
    }
    TopologyRequest.Builder b = TopologyRequest.builder().sliceLevel(sliceLevel).sliceSize(sliceSize).innerSliceLayers(inner);
    if (a.containsKey(GangKeys.KUEUE_REQUIRED_TOPOLOGY)) {
      return Optional.of(b.mode(TopologyMode.REQUIRED).level(a.get(GangKeys.KUEUE_REQUIRED_TOPOLOGY)).build());
    }
    if (a.containsKey(GangKeys.KUEUE_PREFERRED_TOPOLOGY)) {
      return Optional.of(b.mode(TopologyMode.PREFERRED).level(a.get(GangKeys.KUEUE_PREFERRED_TOPOLOGY)).build());
    }
    String unconstrained = a.get(GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY);
    if (unconstrained != null) {
      // Kueue parses the value as a Go boolean; "false" asks for no level at all.
      return Optional.of(b.mode(goBool(unconstrained) ? TopologyMode.UNCONSTRAINED : TopologyMode.UNSET).build());
    }
    return Optional.of(b.mode(TopologyMode.IMPLIED).build());
  }

  /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True and their false counterparts. */
  private static boolean goBool(String v) {
    switch (v) {
      case "1", "t", "T", "TRUE", "true", "True":
        return true;
      case "0", "f", "F", "FALSE", "false", "False":
        return false;
      default:
        throw new IllegalArgumentException(GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY + ": \"" + v + "\" is not a boolean");
    }
  }

  /** The layers of a {@code podset-slice-required-topology-constraints} annotation: 1 to 3 {@code {topology, size}}, outermost first. */
  private static List<TopologyRequest.SliceLayer> sliceLayers(String json) {
    JsonNode list;
    try {
      list = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS + ": not a JSON list of {topology, size}: " + e.getOriginalMessage());
    }
    if (!list.isArray() || list.isEmpty() || list.size() > 3) {
      throw new IllegalArgumentException(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS + ": topology constraints must contain between 1 and 3 entries");
    }
    List<TopologyRequest.SliceLayer> out = new ArrayList<>();
    for (JsonNode layer : list) {
      if (!layer.path("topology").isTextual() || !layer.path("size").canConvertToInt()) {
        throw new IllegalArgumentException(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS + ": every entry needs a topology (string) and a size (integer)");
      }
      out.add(new TopologyRequest.SliceLayer(layer.path("topology").asText(), layer.path("size").asInt()));
    }
    return out;
  }

  private static List<Toleration> tolerations(PodSpec spec) {
    List<Toleration> out = new ArrayList<>();
    if (spec.getTolerations() != null) {
      for (io.fabric8.kubernetes.api.model.Toleration t : spec.getTolerations()) {
        out.add(toleration(t));
      }
    }
    return out;
  }

  static Toleration toleration(io.fabric8.kubernetes.api.model.Toleration t) {
    Toleration.Operator op = "Exists".equals(t.getOperator()) ? Toleration.Operator.Exists : Toleration.Operator.Equal;
    return Toleration.builder()
        .key(t.getKey() == null ? "" : t.getKey())
        .operator(op)
        .value(t.getValue() == null ? "" : t.getValue())
        .effect(t.getEffect() == null || t.getEffect().isEmpty() ? Optional.empty() : Optional.of(TaintEffect.valueOf(t.getEffect())))
        .build();
  }

  static List<NodeSelectorTerm> affinity(PodSpec spec) {
    if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
      return List.of();
    }
    NodeSelector required = spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    if (required == null || required.getNodeSelectorTerms() == null) {
      return List.of();
    }
    List<NodeSelectorTerm> terms = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.NodeSelectorTerm t : required.getNodeSelectorTerms()) {
      NodeSelectorTerm.Builder b = NodeSelectorTerm.builder();
      if (t.getMatchExpressions() != null) {
        t.getMatchExpressions().forEach(r -> b.addMatchExpressions(requirement(r)));
      }
      if (t.getMatchFields() != null) {
        t.getMatchFields().forEach(r -> b.addMatchFields(requirement(r)));
      }
      terms.add(b.build());
    }
    return terms;
  }

  private static NodeSelectorRequirement requirement(io.fabric8.kubernetes.api.model.NodeSelectorRequirement r) {
    return NodeSelectorRequirement.of(r.getKey(), NodeSelectorOperator.valueOf(r.getOperator()),
        r.getValues() == null ? new String[0] : r.getValues().toArray(String[]::new));
  }

  private static Topology topology(List<SourcedObject> topologies, List<SourcedObject> flavors, List<String> levels, List<InputError> errors) {
    if (topologies.isEmpty()) {
      return levels.isEmpty() ? Topology.hostnameOnly() : Topology.of("default", levels);
    }
    SourcedObject chosen = topologies.get(0);
    if (topologies.size() > 1) {
      Optional<String> named = flavors.stream()
          .map(f -> JSON.valueToTree(f.object()).path("spec").path("topologyName").asText(""))
          .filter(s -> !s.isEmpty()).findFirst();
      Optional<SourcedObject> match = named.flatMap(n -> topologies.stream().filter(t -> t.object().getMetadata().getName().equals(n)).findFirst());
      if (match.isEmpty()) {
        errors.add(topologies.get(1).error("metadata.name",
            "several Kueue Topologies given; add the ResourceFlavor whose spec.topologyName names the one to use"));
        return Topology.hostnameOnly();
      }
      chosen = match.get();
    }
    List<String> fromObject = new ArrayList<>();
    for (JsonNode l : JSON.valueToTree(chosen.object()).path("spec").path("levels")) {
      fromObject.add(l.path("nodeLabel").asText());
    }
    SourcedObject source = chosen;
    try {
      return Topology.of(source.object().getMetadata().getName(), fromObject);
    } catch (InvalidSpecException e) {
      e.violations().forEach(v -> errors.add(source.error("spec." + v.field(), v.message())));
      return Topology.hostnameOnly();
    }
  }

  /**
   * With a ClusterQueue in the input, the Kueue objects (queues, cohorts, flavors, topologies) that
   * admission needs, read by {@link KueueReader}; their problems are the input's.
   */
  private static void kueueQueues(Classified in, PlacementOptions.Builder options, List<InputError> errors) {
    if (in.queues.isEmpty()) {
      return;
    }
    List<SourcedObject> all = new ArrayList<>(in.topologies);
    all.addAll(in.flavors);
    all.addAll(in.queues);
    try {
      options.kueue(KueueReader.read(all));
    } catch (ManifestReadException e) {
      errors.addAll(e.errors());
    }
  }

  private static void flavorSettings(List<SourcedObject> flavors, PlacementOptions.Builder options, List<InputError> errors) {
    for (SourcedObject f : flavors) {
      JsonNode spec = JSON.valueToTree(f.object()).path("spec");
      spec.path("nodeLabels").fields().forEachRemaining(e -> options.putFlavorNodeLabel(e.getKey(), e.getValue().asText()));
      JsonNode tolerations = spec.path("tolerations");
      for (int i = 0; i < tolerations.size(); i++) {
        try {
          options.addFlavorToleration(toleration(TreeBinding.bind(tolerations.get(i), io.fabric8.kubernetes.api.model.Toleration.class,
              FieldPath.of("spec.tolerations").index(i))));
        } catch (InvalidSpecException e) {
          e.violations().forEach(v -> errors.add(f.error(v.field(), v.message())));
        } catch (IllegalArgumentException e) {
          errors.add(f.error("spec.tolerations[" + i + "]", "Invalid value: " + e.getMessage()));
        }
      }
    }
  }
}
