package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.render.PodResources;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.TreeBinding;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.GangOwner;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.render.GangAttachment;
import dev.aiinfra.scheduling.render.JobSetRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A gang and the workload that runs its pods, as the gangs {@link GangPlacement} places, built
 * straight from the typed specs: no YAML is written or read back. The gangs are the ones {@code
 * ai-infra gang place} reads from the rendered bundle ({@link GangInputs}), so a program that
 * builds a {@link GangSpec} and a {@link JobSetSpec} checks exactly what it would apply:
 *
 * <ul>
 *   <li>native Workload API (1.36+): one gang per pod group, named after its PodGroup ({@code
 *       <gang>-<group>}) with the pod group's minCount ({@code basic}: 1) and required topology
 *       level; on 1.35 the gang is the Workload's pod group ({@code <gang>/<group>}, {@code
 *       spec.workloadRef});
 *   <li>Kueue: the whole JobSet is one Kueue workload (its queue label), with one pod set per
 *       replicated job carrying its pod group's TAS request ({@code implied} when it has none);
 *   <li>Volcano and coscheduling: one gang per PodGroup ({@code <gang>-<group>}, minMember).
 * </ul>
 *
 * Pod sets follow the JobSet controller: {@code replicas × min(parallelism, completions)} pods
 * {@code <jobset>-<job>-<index>-<completion>} per replicated job, requests as kube-scheduler
 * computes them (containers, sidecars, init peak, overhead). Everything the rendering would refuse
 * is refused here too ({@link GangAttachment#attach}), and so is a gang whose PodGroup would live
 * in another namespace than its pods (the scheduler would never find it). A JobSet that runs no
 * pods (every replica count 0) has no gang to place: the list is empty.
 *
 * <p>The gang spec decides the grouping: gang labels or annotations written by hand into the pod
 * template are not consulted (the rendering overwrites them). For Job, StatefulSet and
 * LeaderWorkerSet objects (built with fabric8 builders or the serving renderers), {@link
 * #of(HasMetadata, GangSpec, GangTarget, ClusterProfile)} reads the wired objects in memory.
 */
public final class GangPlacementInput {
  private final List<Gang> gangs;
  private final GangAttachment.Attached attached;

  private GangPlacementInput(List<Gang> gangs, GangAttachment.Attached attached) {
    this.gangs = List.copyOf(gangs);
    this.attached = attached;
  }

  /** The gangs to place, in the order {@code gang place} lists them. */
  public List<Gang> gangs() {
    return gangs;
  }

  /** The workload with its gang wired in and the gang objects: what to apply, with warnings and notes. */
  public GangAttachment.Attached attached() {
    return attached;
  }

  /** Places the gangs on {@code cluster}: {@link GangPlacement#place} with these gangs. */
  public PlacementResult placeOn(ClusterState cluster, PlacementOptions options) {
    return GangPlacement.place(cluster, gangs, options);
  }

  /**
   * The gangs of {@code gang} attached to {@code jobSet} for {@code target}, built from the specs.
   * Throws {@link InvalidSpecException} listing every problem at its field (the ones {@link
   * GangAttachment#attach} finds, and a namespace the pods cannot reach their PodGroup from).
   */
  public static GangPlacementInput of(JobSetSpec jobSet, GangSpec gang, GangTarget target, ClusterProfile profile) {
    GangAttachment.Attached attached = GangAttachment.attach(JobSetRenderer.render(jobSet, profile).object(), gang, target, profile);
    Map<String, InterPodRules> rules = interPodRules(attached);
    List<Gang> gangs = new ArrayList<>();
    if (target == GangTarget.KUEUE) {
      // Kueue admits the JobSet as one workload (its queue label); each pod set keeps its pod group's TAS request.
      List<Member> members = new ArrayList<>();
      forEachMember(jobSet, (rj, global) -> members.add(member(rj, global, jobSet, groupOf(gang, rj), GangKind.KUEUE, rules)));
      if (members.isEmpty()) {
        return new GangPlacementInput(gangs, attached);
      }
      addGang(gangs, Gang.builder().name(jobSet.name()).namespace(jobSet.namespace()).kind(GangKind.KUEUE)
          .owner(GangOwner.of("JobSet", jobSet.name())).queueName(gang.queueName()), members, Optional.empty());
      return new GangPlacementInput(gangs, attached);
    }
    Map<String, List<Member>> byGroup = new LinkedHashMap<>();
    forEachMember(jobSet, (rj, global) -> {
      PodGroupSpec g = groupOf(gang, rj);
      byGroup.computeIfAbsent(g.name(), n -> new ArrayList<>()).add(member(rj, global, jobSet, g, kindOf(target), rules));
    });
    for (Map.Entry<String, List<Member>> e : byGroup.entrySet()) {
      PodGroupSpec g = gang.podGroup(e.getKey()).orElseThrow();
      addGang(gangs, nativeOrPodGroup(gang, g, target, profile, jobSet.namespace()), e.getValue(), Optional.of(g));
    }
    return new GangPlacementInput(gangs, attached);
  }

  /**
   * The gangs of {@code gang} attached to a Job, JobSet, StatefulSet or LeaderWorkerSet object:
   * the wired objects are read in memory as {@code gang place} reads them (the pods each
   * controller creates, grouped by their gang wiring). Throws {@link InvalidSpecException} for
   * what {@link GangAttachment#attach} refuses and {@link ManifestReadException} for a workload
   * the reader refuses, each at its field.
   */
  public static GangPlacementInput of(HasMetadata workload, GangSpec gang, GangTarget target, ClusterProfile profile) {
    GangAttachment.Attached attached = GangAttachment.attach(workload, gang, target, profile);
    List<SourcedObject> objects = new ArrayList<>();
    List<HasMetadata> all = attached.bundle().objects();
    for (int i = 0; i < all.size(); i++) {
      objects.add(new SourcedObject("<" + workload.getKind() + " " + workload.getMetadata().getName() + ">", i, all.get(i)));
    }
    GangInputs read = GangInputs.read(objects, List.of());
    if (!read.rejected().isEmpty()) {
      throw new ManifestReadException(List.of(objects.get(objects.size() - 1).error("spec", read.rejected().get(0).reasons().get(0).message())));
    }
    return new GangPlacementInput(read.gangs(), attached);
  }

  /** One replicated job's pods, with what decides the pod set they join. */
  private record Member(String role, String signature, PodSet.Builder podSet, List<Pod> pods) {}

  /** A pod's name and its rank (job global index, then completion index), the order the index labels give. */
  private record Pod(String name, long rank, InterPodRules rules) {}

  private interface MemberSink {
    void accept(ReplicatedJob rj, int firstGlobalIndex);
  }

  /** Each replicated job that runs pods, with the global index of its first Job. */
  private static void forEachMember(JobSetSpec jobSet, MemberSink sink) {
    int global = 0;
    for (ReplicatedJob rj : jobSet.replicatedJobs()) {
      if (rj.pods() > 0) {
        sink.accept(rj, global);
      }
      global += rj.replicas();
    }
  }

  private static PodGroupSpec groupOf(GangSpec gang, ReplicatedJob rj) {
    // one pod group for the whole JobSet, or one per replicated job named like it (checked by attach)
    return gang.podGroups().size() > 1 ? gang.podGroup(rj.name()).orElseThrow() : gang.podGroups().get(0);
  }

  private static GangKind kindOf(GangTarget target) {
    switch (target) {
      case VOLCANO:
        return GangKind.VOLCANO;
      case COSCHEDULING:
        return GangKind.COSCHEDULING;
      case KUEUE:
        return GangKind.KUEUE;
      case NATIVE:
      default:
        return GangKind.WORKLOAD;
    }
  }

  /** The gang a native, Volcano or coscheduling pod group becomes: its scheduler object's name, minCount and topology key. */
  private static Gang.Builder nativeOrPodGroup(GangSpec gang, PodGroupSpec g, GangTarget target, ClusterProfile profile, String namespace) {
    String podGroup = gang.name() + "-" + g.name();
    Gang.Builder b = Gang.builder().namespace(namespace).kind(kindOf(target)).minCount(g.minCount().orElse(1));
    if (target != GangTarget.NATIVE) {
      return b.name(podGroup).owner(GangOwner.of("PodGroup", podGroup));
    }
    if (profile.kubernetesVersion().minor() == 35) {
      // v1alpha1: pods name the Workload and its pod group (spec.workloadRef); no PodGroup object
      return b.name(gang.name() + "/" + g.name()).owner(GangOwner.of("Workload", gang.name(), g.name()));
    }
    g.topology().flatMap(TopologyRequest::level).ifPresent(b::topologyKey);
    return b.name(podGroup).owner(GangOwner.of("PodGroup", podGroup));
  }

  /**
   * Pod sets from the members: replicated jobs whose pods look the same to the scheduler (role,
   * requests, tolerations, selectors, topology) share one, named after the role ({@code -2},
   * {@code -3} when a role splits), pods in rank order.
   */
  private static void addGang(List<Gang> gangs, Gang.Builder gang, List<Member> members, Optional<PodGroupSpec> group) {
    Map<String, List<Member>> sets = new LinkedHashMap<>();
    members.forEach(m -> sets.computeIfAbsent(m.signature(), s -> new ArrayList<>()).add(m));
    Map<String, Integer> used = new LinkedHashMap<>();
    for (List<Member> set : sets.values()) {
      List<Pod> pods = new ArrayList<>();
      set.forEach(m -> pods.addAll(m.pods()));
      pods.sort(java.util.Comparator.comparingLong(Pod::rank).thenComparing(Pod::name));
      String base = set.get(0).role();
      int n = used.merge(base, 1, Integer::sum);
      gang.addPodSets(set.get(0).podSet().name(n == 1 ? base : base + "-" + n).count(pods.size())
          .podNames(pods.stream().map(Pod::name).toList()).interPod(pods.stream().map(Pod::rules).toList()).build());
    }
    gangs.add(gang.build());
  }

  /**
   * Each pod's labels and inter-pod terms, from the wired JobSet expanded as {@code gang place}
   * expands it (the JobSet controller's labels, the exclusive-placement webhook's terms).
   */
  private static Map<String, InterPodRules> interPodRules(GangAttachment.Attached attached) {
    Map<String, InterPodRules> out = new java.util.HashMap<>();
    List<HasMetadata> objects = attached.bundle().objects();
    for (int i = 0; i < objects.size(); i++) {
      if (!"JobSet".equals(objects.get(i).getKind())) {
        continue;
      }
      for (ExpandedPod p : PodExpansion.expand(new SourcedObject("<JobSet " + objects.get(i).getMetadata().getName() + ">", i, objects.get(i)))) {
        try {
          out.put(p.name(), ExclusivePlacement.rules(p));
        } catch (IllegalArgumentException e) {
          throw new InvalidSpecException(List.of(dev.aiinfra.core.model.FieldViolation.of(FieldPath.of(p.path() + ".affinity"),
              dev.aiinfra.core.model.FieldErrorType.Invalid, e.getMessage())));
        }
      }
    }
    return out;
  }

  private static Member member(ReplicatedJob rj, int firstGlobal, JobSetSpec jobSet, PodGroupSpec group, GangKind kind, Map<String, InterPodRules> rules) {
    PodTemplate template = rj.podTemplate();
    PodSpec spec = podSpec(template, rj);
    ResourceList requests = PodResources.effectiveRequests(spec);
    List<Toleration> tolerations = new ArrayList<>();
    if (spec.getTolerations() != null) {
      spec.getTolerations().forEach(t -> tolerations.add(GangInputs.toleration(t)));
    }
    Map<String, String> selector = spec.getNodeSelector() == null ? Map.of() : new TreeMap<>(spec.getNodeSelector());
    List<NodeSelectorTerm> affinity = GangInputs.affinity(spec);
    Optional<TopologyRequest> topology = kind == GangKind.KUEUE
        ? Optional.of(group.topology().orElse(TopologyRequest.implied())) : Optional.empty();
    // Kueue honours podset-group-name only next to a required or preferred level
    boolean leveled = topology.map(t -> t.mode() == TopologyMode.REQUIRED || t.mode() == TopologyMode.PREFERRED).orElse(false);
    Optional<String> podSetGroup = leveled ? Optional.ofNullable(template.annotations().get(GangKeys.KUEUE_PODSET_GROUP_NAME)) : Optional.empty();
    String role = template.labels().getOrDefault(GangKeys.KUEUE_PODSET, rj.name());
    String signature = role + "|" + requests + "|" + tolerations + "|" + selector + "|" + affinity + "|" + topology + "|" + podSetGroup;
    PodSet.Builder podSet = PodSet.builder().requests(requests).tolerations(tolerations).nodeSelector(selector)
        .requiredAffinity(affinity).topology(topology).groupName(podSetGroup);
    List<Pod> pods = new ArrayList<>();
    int perJob = Math.min(rj.parallelism(), rj.completions());
    for (int j = 0; j < rj.replicas(); j++) {
      for (int p = 0; p < perJob; p++) {
        String name = jobSet.name() + "-" + rj.name() + "-" + j + "-" + p;
        pods.add(new Pod(name, (long) (firstGlobal + j) * 1_000_000L + p, rules.getOrDefault(name, InterPodRules.none())));
      }
    }
    return new Member(role, signature, podSet, pods);
  }

  /** The pod spec the JobSet's pods get: the template as rendered, where raw fields (affinity, overhead) are read. */
  private static PodSpec podSpec(PodTemplate template, ReplicatedJob rj) {
    FieldPath at = FieldPath.of("spec.replicatedJobs").key(rj.name()).child("template.spec.template");
    PodTemplateSpec t = TreeBinding.bind(PodTemplateRenderer.render(template), PodTemplateSpec.class, at);
    return t.getSpec() == null ? new PodSpec() : t.getSpec();
  }
}
