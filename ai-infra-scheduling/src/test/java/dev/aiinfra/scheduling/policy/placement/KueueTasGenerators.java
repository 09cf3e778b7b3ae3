package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Whole Kueue topology-aware-scheduling scenarios for {@code gang place}: nodes labelled with up to
 * three levels (block, rack, host), some tainted, NotReady or cordoned, bound pods using capacity,
 * the levels given as a Kueue Topology or as {@code --topology-levels}, an optional ResourceFlavor,
 * and Kueue pod groups whose pod sets carry every TAS annotation: required, preferred,
 * unconstrained, none (implied), slices ({@code podset-slice-required-topology} + size),
 * multi-layer slices ({@code podset-slice-required-topology-constraints}) and leader + workers pod
 * sets ({@code podset-group-name}). The annotations are kept as text so that invalid combinations
 * (a missing slice size, a level not in the topology, a slice above the main level) are reachable.
 */
public final class KueueTasGenerators {
  public static final String BLOCK = ClusterGenerators.BLOCK;
  public static final String RACK = ClusterGenerators.RACK;
  public static final String HOST = Topology.HOSTNAME;
  public static final String MISSING_LEVEL = "topology.example.com/zone";
  public static final Taint GPU_TAINT = ClusterGenerators.GPU_TAINT;
  public static final Taint SPOT_TAINT = Taint.of("example.com/spot", "", TaintEffect.NoExecute);

  private KueueTasGenerators() {}

  /** A pod bound to a node, using its requests there. */
  public record BoundPod(String name, String node, ResourceList requests) {}

  /** One pod set: {@code count} identical pods of role {@code role} with these TAS annotations. */
  public record TasPodSet(String role, int count, ResourceList requests, List<Toleration> tolerations,
      Map<String, String> nodeSelector, Map<String, List<String>> requiredAffinityIn, Map<String, String> annotations) {}

  /**
   * A Kueue pod group: its pod sets, the total count written on every pod (normally their sum), and
   * whether the group name is written as an annotation (else as a label).
   */
  public record TasPodGroup(String name, int totalCount, boolean nameAsAnnotation, List<TasPodSet> podSets) {}

  /**
   * One scenario. {@code topologyObject}: give the levels as a Kueue Topology named {@code
   * topologyName}; {@code levelsFlag}: also pass {@code --topology-levels} (the levels themselves
   * when there is no Topology object; other levels next to one, which must lose); neither: the
   * hostname alone.
   */
  public record TasScenario(List<String> levels, boolean topologyObject, boolean levelsFlag, String topologyName,
      List<ClusterNode> nodes, List<String> nodesWithoutReadyCondition, List<BoundPod> bound,
      Optional<Map<String, String>> flavorNodeLabels, List<Toleration> flavorTolerations, List<TasPodGroup> groups) {}

  private static final List<List<String>> LEVEL_SETS = List.of(
      List.of(BLOCK, RACK, HOST), List.of(BLOCK, RACK, HOST), List.of(BLOCK, RACK, HOST),
      List.of(RACK, HOST), List.of(HOST), List.of(BLOCK, RACK), List.of(RACK));

  public static Gen<TasScenario> scenario() {
    return KueueTasGenerators::scenario;
  }

  private static TasScenario scenario(SplittableRandom r) {
    List<String> levels = LEVEL_SETS.get(r.nextInt(LEVEL_SETS.size()));
    boolean object = r.nextInt(3) > 0;
    // the flag alone, or (1/10) also next to a Topology object, which wins
    boolean flag = !object && (levels.size() > 1 || r.nextBoolean()) || object && r.nextInt(10) == 0;
    String topoName = object ? Gen.oneOf("default", "gpu-topology", "tas").next(r) : "default";
    int scale = r.nextInt(10) == 0 ? 4 : r.nextInt(4);
    List<ClusterNode> nodes = new ArrayList<>();
    int blocks = 1 + r.nextInt(scale == 4 ? 4 : scale >= 2 ? 3 : 2);
    boolean emptyLabels = r.nextInt(12) == 0;
    for (int b = 0; b < blocks; b++) {
      int racks = 1 + r.nextInt(scale == 4 ? 4 : scale >= 1 ? 3 : 2);
      for (int k = 0; k < racks; k++) {
        int n = 1 + r.nextInt(scale == 4 ? 8 : scale >= 3 ? 5 : 3);
        for (int i = 0; i < n; i++) {
          nodes.add(node(r, "n-" + b + "-" + k + "-" + i, "b" + b, "b" + b + "r" + k, emptyLabels));
        }
      }
    }
    List<BoundPod> bound = new ArrayList<>();
    if (r.nextBoolean()) {
      int count = 1 + r.nextInt(4);
      for (int i = 0; i < count; i++) {
        ClusterNode on = nodes.get(r.nextInt(nodes.size()));
        bound.add(new BoundPod("running-" + i, on.name(), requests(r, true)));
      }
    }
    Optional<Map<String, String>> flavorLabels = Optional.empty();
    List<Toleration> flavorTolerations = new ArrayList<>();
    if (r.nextInt(6) == 0) {
      Map<String, String> labels = new LinkedHashMap<>();
      if (r.nextBoolean()) {
        labels.put("example.com/pool", "gpu");
      }
      flavorLabels = Optional.of(labels);
      if (r.nextBoolean()) {
        flavorTolerations.add(Toleration.exists(GPU_TAINT.key()));
      }
    }
    List<TasPodGroup> groups = new ArrayList<>();
    int groupCount = r.nextInt(4) == 0 ? 2 : 1;
    for (int g = 0; g < groupCount; g++) {
      groups.add(group(r, "group-" + g, levels, scale == 4 ? 4 : 1));
    }
    List<String> noCondition = new ArrayList<>();
    if (r.nextInt(20) == 0) {
      // a hand-written inventory: one node without a Ready condition
      noCondition.add(nodes.get(r.nextInt(nodes.size())).name());
    }
    return new TasScenario(levels, object, flag, topoName, nodes, noCondition, bound, flavorLabels, flavorTolerations, groups);
  }

  private static ClusterNode node(SplittableRandom r, String name, String block, String rack, boolean emptyLabels) {
    ClusterNode.Builder b = ClusterNode.builder().name(name).putLabel(HOST, name);
    if (r.nextInt(25) != 0) {
      b.putLabel(BLOCK, block);
    }
    if (r.nextInt(25) != 0) {
      b.putLabel(RACK, emptyLabels && r.nextInt(4) == 0 ? "" : rack);
    }
    if (r.nextInt(3) > 0) {
      b.putLabel("example.com/pool", r.nextInt(4) == 0 ? "cpu" : "gpu");
    }
    Map<String, String> alloc = new LinkedHashMap<>();
    alloc.put("cpu", Gen.oneOf("1", "2", "2", "4", "4", "8", "16", "1500m").next(r));
    alloc.put("memory", (1 + r.nextInt(64)) + "Gi");
    int gpus = Gen.oneOf(0, 0, 1, 2, 4, 8).next(r);
    if (gpus > 0 || r.nextInt(4) == 0) {
      alloc.put("nvidia.com/gpu", Integer.toString(gpus));
    }
    if (r.nextInt(8) != 0) {
      alloc.put("pods", Integer.toString(1 + r.nextInt(10)));
    }
    b.allocatable(ResourceList.parse(alloc));
    if (r.nextInt(7) == 0) {
      b.addTaint(GPU_TAINT);
    }
    if (r.nextInt(15) == 0) {
      b.addTaint(SPOT_TAINT);
    }
    if (r.nextInt(20) == 0) {
      b.addTaint(Taint.of("example.com/soft", "yes", TaintEffect.PreferNoSchedule));
    }
    if (r.nextInt(14) == 0) {
      b.ready(false);
    }
    if (r.nextInt(14) == 0) {
      b.unschedulable(true);
    }
    return b.build();
  }

  private static ResourceList requests(SplittableRandom r, boolean bound) {
    Map<String, String> req = new LinkedHashMap<>();
    req.put("cpu", Gen.oneOf("500m", "1", "1", "1", "2", "2", "3", "250m").next(r));
    if (r.nextInt(3) == 0) {
      req.put("memory", (1 + r.nextInt(16)) + "Gi");
    }
    if (r.nextInt(bound ? 3 : 4) == 0) {
      req.put("nvidia.com/gpu", Integer.toString(1 + r.nextInt(2)));
    }
    return ResourceList.parse(req);
  }

  private static String anyLevel(SplittableRandom r, List<String> levels) {
    return r.nextInt(30) == 0 ? MISSING_LEVEL : levels.get(r.nextInt(levels.size()));
  }

  private static TasPodGroup group(SplittableRandom r, String name, List<String> levels, int factor) {
    List<TasPodSet> sets = new ArrayList<>();
    int shape = r.nextInt(10);
    if (shape < 6) {
      sets.add(podSet(r, "workers", levels, Optional.empty(), factor));
    } else if (shape < 8) {
      // leader + workers in one podset group
      String groupName = name + "-lw";
      TasPodSet workers = podSet(r, "workers", levels, Optional.of(groupName), factor);
      Map<String, String> leaderAnn = new LinkedHashMap<>(workers.annotations());
      leaderAnn.keySet().removeIf(k -> k.startsWith(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY) || k.equals(GangKeys.KUEUE_SLICE_SIZE));
      TasPodSet leader = new TasPodSet("leader", 1, requests(r, false), workers.tolerations(), workers.nodeSelector(),
          workers.requiredAffinityIn(), leaderAnn);
      if (r.nextBoolean()) {
        sets.add(leader);
        sets.add(workers);
      } else {
        sets.add(workers);
        sets.add(leader);
      }
    } else {
      // two independent pod sets
      sets.add(podSet(r, "workers", levels, Optional.empty(), factor));
      sets.add(podSet(r, "aux", levels, Optional.empty(), factor));
    }
    int total = sets.stream().mapToInt(TasPodSet::count).sum();
    if (r.nextInt(40) == 0) {
      total += 1;
    }
    return new TasPodGroup(name, total, r.nextInt(4) == 0, sets);
  }

  private static TasPodSet podSet(SplittableRandom r, String role, List<String> levels, Optional<String> group, int factor) {
    Map<String, String> ann = new LinkedHashMap<>();
    int count = 1 + r.nextInt((r.nextInt(4) == 0 ? 12 : 6) * factor);
    int mode = group.isPresent() ? (r.nextInt(8) == 0 ? 2 + r.nextInt(2) : r.nextInt(2)) : r.nextInt(8);
    switch (mode) {
      case 0:
        ann.put(GangKeys.KUEUE_REQUIRED_TOPOLOGY, anyLevel(r, levels));
        break;
      case 1:
        ann.put(GangKeys.KUEUE_PREFERRED_TOPOLOGY, anyLevel(r, levels));
        break;
      case 2:
        ann.put(GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY, Gen.oneOf("true", "true", "true", "true", "True", "1", "false").next(r));
        break;
      case 3:
        break; // implied
      default:
        // slices, with or without a main level (4..7)
        if (mode == 5) {
          ann.put(GangKeys.KUEUE_REQUIRED_TOPOLOGY, levels.get(r.nextInt(levels.size())));
        } else if (mode == 6) {
          ann.put(GangKeys.KUEUE_PREFERRED_TOPOLOGY, levels.get(r.nextInt(levels.size())));
        }
        break;
    }
    if (group.isPresent()) {
      ann.put(GangKeys.KUEUE_PODSET_GROUP_NAME, group.get());
    }
    if (mode >= 4 || group.isPresent() && r.nextInt(4) == 0) {
      int sliceSize = Gen.oneOf(1, 2, 2, 3, 4).next(r);
      int slices = 1 + r.nextInt(4 * factor);
      count = sliceSize * slices;
      if (mode == 7 && levels.size() >= 2) {
        // multi-layer: outer layer at some level, inner layer strictly below dividing its size
        int outer = r.nextInt(levels.size() - 1);
        int inner = outer + 1 + r.nextInt(levels.size() - outer - 1);
        int outerSize = Gen.oneOf(2, 4, 4, 6).next(r);
        int innerSize = Gen.oneOf(1, 2, 2, 3).next(r);
        if (r.nextInt(10) > 0 && outerSize % innerSize != 0) {
          innerSize = 1;
        }
        count = outerSize * (1 + r.nextInt(3));
        String json = "[{\"topology\":\"" + levels.get(outer) + "\",\"size\":" + outerSize + "},{\"topology\":\"" + levels.get(inner)
            + "\",\"size\":" + innerSize + "}]";
        if (levels.size() == 3 && r.nextInt(3) == 0) {
          // three layers: block, rack, host
          int hostSize = Gen.oneOf(1, 2).next(r);
          int rackSize = hostSize * Gen.oneOf(1, 2).next(r);
          int blockSize = rackSize * Gen.oneOf(1, 2, 3).next(r);
          count = blockSize * (1 + r.nextInt(2));
          json = "[{\"topology\":\"" + levels.get(0) + "\",\"size\":" + blockSize + "},{\"topology\":\"" + levels.get(1)
              + "\",\"size\":" + rackSize + "},{\"topology\":\"" + levels.get(2) + "\",\"size\":" + hostSize + "}]";
        }
        ann.put(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS, json);
      } else {
        ann.put(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY, r.nextInt(25) == 0 ? MISSING_LEVEL : levels.get(r.nextInt(levels.size())));
        if (r.nextInt(25) != 0) {
          ann.put(GangKeys.KUEUE_SLICE_SIZE, Integer.toString(sliceSize));
        }
      }
    }
    List<Toleration> tolerations = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      tolerations.add(Toleration.exists(GPU_TAINT.key()));
    }
    if (r.nextInt(8) == 0) {
      tolerations.add(Toleration.equal(GPU_TAINT.key(), "present", TaintEffect.NoSchedule));
    }
    if (r.nextInt(10) == 0) {
      tolerations.add(Toleration.exists(SPOT_TAINT.key()));
    }
    Map<String, String> selector = new LinkedHashMap<>();
    if (r.nextInt(6) == 0) {
      selector.put("example.com/pool", r.nextInt(4) == 0 ? "cpu" : "gpu");
    }
    Map<String, List<String>> affinity = new LinkedHashMap<>();
    if (r.nextInt(8) == 0) {
      affinity.put("example.com/pool", r.nextBoolean() ? List.of("gpu") : List.of("gpu", "cpu"));
    }
    return new TasPodSet(role, count, requests(r, false), tolerations, selector, affinity, ann);
  }
}
