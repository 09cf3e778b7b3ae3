package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.Cohort;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A TAS-enabled Kueue GPU queue set for a cluster, derived from its nodes (KEP-2724 topology-aware
 * scheduling): one ResourceFlavor per value of the accelerator label (e.g. {@code
 * nvidia.com/gpu.product}), each pointing at one Topology whose levels are given or detected from the
 * node labels, tolerating the taints all its nodes share; one ClusterQueue open to every namespace
 * whose single resource group covers cpu, memory and the nodes' extended resources, each flavor's
 * nominal quota the sum of its Ready, schedulable nodes' allocatable; a LocalQueue; and, when asked,
 * a Cohort. Nothing is preempted or borrowed unless the user changes the queue: the defaults are
 * Kueue's.
 */
public final class GpuQueueRecipe {
  private static final int NAMES_SHOWN = 5;

  private GpuQueueRecipe() {}

  public static QueueRecipe derive(Cluster cluster, QueueRecipeOptions options) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    String label = options.acceleratorLabel();
    List<NodeState> labelled = cluster.nodes().stream().filter(n -> !n.labels().getOrDefault(label, "").isEmpty()).toList();
    List<NodeState> usable = labelled.stream().filter(n -> n.ready() && !n.unschedulable()).toList();
    List<String> skipped = labelled.stream().filter(n -> !usable.contains(n)).map(NodeState::name).toList();
    if (!skipped.isEmpty()) {
      diagnostics.add(Diagnostic.builder().code(SchedulingCode.KUEUE_RECIPE_NODES_SKIPPED).severity(Severity.INFO)
          .message(skipped.size() + " node(s) with " + label + " are NotReady or unschedulable and left out of the quota: " + names(skipped))
          .hint("Uncordon or repair them and derive the recipe again to count them.").build());
    }
    if (usable.isEmpty()) {
      diagnostics.add(Diagnostic.builder().code(SchedulingCode.KUEUE_RECIPE_NO_ACCELERATOR_NODES)
          .message("no Ready, schedulable node carries the label " + label + " (" + cluster.nodes().size() + " node(s) given)")
          .hint("Give the GPU nodes with their labels (kubectl get nodes -o yaml), or name the label that tells their accelerators apart with --accelerator-label.")
          .build());
      return new QueueRecipe(KueueObjects.empty(), List.of(), List.of(), "none", diagnostics);
    }

    List<String> levels;
    String source;
    if (!options.topologyLevels().isEmpty()) {
      levels = options.topologyLevels();
      source = "given";
    } else {
      Optional<Map.Entry<String, List<String>>> detected = TopologyProfiles.detect(usable);
      levels = detected.map(Map.Entry::getValue).orElse(List.of(Topology.HOSTNAME));
      source = detected.map(Map.Entry::getKey).orElse("hostname");
    }
    Topology topology = Topology.of(options.topologyName(), levels);

    // one flavor per accelerator, in the order of the label's values
    Map<String, List<NodeState>> byAccelerator = new TreeMap<>();
    usable.forEach(n -> byAccelerator.computeIfAbsent(n.labels().get(label), k -> new ArrayList<>()).add(n));
    List<String> covered = coveredResources(usable);
    KueueObjects.Builder objects = KueueObjects.builder().addTopology(topology);
    List<FlavorQuotas> quotas = new ArrayList<>();
    List<RecipeFlavor> flavors = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, List<NodeState>> e : byAccelerator.entrySet()) {
      String name = uniqueName(flavorName(e.getKey()), taken);
      List<NodeState> nodes = e.getValue();
      objects.addResourceFlavor(ResourceFlavor.builder().name(name).putNodeLabel(label, e.getKey())
          .tolerations(sharedTaints(nodes).stream().map(GpuQueueRecipe::toleration).toList())
          .topologyName(topology.name()).build());
      ResourceList total = nodes.stream().map(NodeState::allocatable).reduce(ResourceList.empty(), ResourceList::plus);
      Map<String, Quantity> quota = new LinkedHashMap<>();
      covered.forEach(r -> quota.put(r, total.get(r)));
      quotas.add(FlavorQuotas.of(name, covered.stream().map(r -> ResourceQuota.of(r, quota.get(r))).toList()));
      flavors.add(new RecipeFlavor(name, e.getKey(), nodes.stream().map(NodeState::name).toList(), quota));
      levelWarning(name, nodes, levels, diagnostics);
    }
    ClusterQueue.Builder queue = ClusterQueue.builder().name(options.queueName())
        // an absent selector admits no namespace at all; the recipe's queue is for every namespace
        .namespaceSelector(LabelSelector.builder().build())
        .addResourceGroup(ResourceGroup.of(covered, quotas));
    options.cohort().ifPresent(c -> {
      queue.cohortName(c);
      objects.addCohort(Cohort.named(c));
    });
    objects.addClusterQueue(queue.build());
    objects.addLocalQueue(LocalQueue.of(options.namespace(), options.queueName(), options.queueName()));
    KueueObjects derived = objects.build();
    KueueValidation.requireValid(derived);
    return new QueueRecipe(derived, flavors, levels, source, diagnostics);
  }

  /** cpu and memory, then every extended resource ({@code vendor/name}) an accelerator node offers, by name. */
  private static List<String> coveredResources(List<NodeState> nodes) {
    Set<String> extended = new TreeSet<>();
    nodes.forEach(n -> n.allocatable().names().stream().filter(r -> r.contains("/")).forEach(extended::add));
    List<String> covered = new ArrayList<>(List.of(ResourceList.CPU, ResourceList.MEMORY));
    covered.addAll(extended);
    return covered;
  }

  /** Taints that keep pods off every node of the flavor (NoSchedule, NoExecute) and that all of them carry. */
  private static List<Taint> sharedTaints(List<NodeState> nodes) {
    List<Taint> shared = new ArrayList<>(nodes.get(0).taints().stream().filter(Taint::blocksScheduling).toList());
    nodes.forEach(n -> shared.retainAll(n.taints()));
    return shared;
  }

  private static Toleration toleration(Taint t) {
    return t.value().isEmpty()
        ? Toleration.builder().key(t.key()).operator(Toleration.Operator.Exists).effect(t.effect()).build()
        : Toleration.equal(t.key(), t.value(), t.effect());
  }

  private static void levelWarning(String flavor, List<NodeState> nodes, List<String> levels, List<Diagnostic> diagnostics) {
    for (String level : levels) {
      List<String> missing = nodes.stream().filter(n -> !n.labels().containsKey(level)).map(NodeState::name).toList();
      if (!missing.isEmpty()) {
        diagnostics.add(Diagnostic.builder().code(SchedulingCode.KUEUE_RECIPE_NODES_WITHOUT_LEVELS).severity(Severity.WARNING)
            .message(missing.size() + " of " + nodes.size() + " node(s) of flavor " + flavor + " lack the topology label " + level
                + ", so Kueue's TAS leaves them out: " + names(missing))
            .hint("Label the nodes with " + level + ", or choose levels they carry (--topology-levels).").build());
      }
    }
  }

  /** A DNS-1123 subdomain from a label value: {@code NVIDIA-H100-80GB-HBM3} becomes {@code nvidia-h100-80gb-hbm3}. */
  static String flavorName(String accelerator) {
    String s = accelerator.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("[-.]{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    if (s.isEmpty()) {
      s = "accelerator";
    }
    return s.length() > 63 ? s.substring(0, 63).replaceAll("[-.]+$", "") : s;
  }

  private static String uniqueName(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  private static String names(List<String> names) {
    return String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
        + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
  }
}
