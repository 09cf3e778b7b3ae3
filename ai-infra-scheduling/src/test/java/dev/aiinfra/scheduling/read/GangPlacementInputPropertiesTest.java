package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over generated JobSets and gangs, for every target and Kubernetes version: the typed path gives
 * the gangs {@code gang place} reads from the rendered YAML, and the same placement. A spec the
 * rendering refuses is skipped (the typed path refuses it too: it attaches first). Seeded, so a
 * failure names the seed that reproduces it.
 */
class GangPlacementInputPropertiesTest {
  private static final int CASES = 300;
  private static final String BLOCK = "cloud.example.com/block";
  private static final String RACK = "cloud.example.com/rack";
  private static final PlacementOptions OPTIONS =
      PlacementOptions.builder().topology(Topology.of("default", List.of(BLOCK, RACK, Topology.HOSTNAME))).build();

  @Test
  void the_typed_path_agrees_with_the_yaml_path_on_generated_specs() {
    ClusterState cluster = cluster();
    int compared = 0;
    for (long seed = 1; seed <= CASES; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      JobSetSpec js = jobSet(r);
      GangSpec gang = gang(r, js);
      GangTarget target = GangTarget.values()[r.nextInt(GangTarget.values().length)];
      ClusterProfile profile = ClusterProfile.of(KubernetesVersion.parse("1." + (35 + r.nextInt(3))));
      GangPlacementInput typed;
      try {
        typed = GangPlacementInput.of(js, gang, target, profile);
      } catch (InvalidSpecException refused) {
        continue;
      }
      if (js.pods() == 0) {
        // nothing runs: no gang to place, which gang place refuses as input without a workload
        assertThat(typed.gangs()).as("seed %d", seed).isEmpty();
        continue;
      }
      compared++;
      var read = YamlPath.gangs(typed.attached());
      assertThat(typed.gangs()).as("seed %d (%s, %s)", seed, target, profile.kubernetesVersion()).isEqualTo(read);
      assertThat(typed.placeOn(cluster, OPTIONS)).as("seed %d placement", seed).isEqualTo(GangPlacement.place(cluster, read, OPTIONS));
    }
    // most generated cases must be renderable, or the property says little
    assertThat(compared).isGreaterThan(CASES / 3);
  }

  private static JobSetSpec jobSet(SplittableRandom r) {
    JobSetSpec.Builder b = JobSetSpec.builder().name("js" + r.nextInt(100)).namespace("ml");
    int jobs = 1 + r.nextInt(3);
    for (int i = 0; i < jobs; i++) {
      int parallelism = 1 + r.nextInt(4);
      b.addReplicatedJobs(ReplicatedJob.builder().name("rj" + i).replicas(r.nextInt(4)).parallelism(parallelism)
          .completions(r.nextBoolean() ? parallelism : 1 + r.nextInt(4)).podTemplate(template(r))
          .exclusiveTopology(r.nextInt(5) == 0 ? java.util.Optional.of(RACK) : java.util.Optional.empty()).build());
    }
    if (r.nextInt(4) == 0) {
      b.exclusiveTopology(r.nextBoolean() ? RACK : BLOCK);
    }
    return b.build();
  }

  private static PodTemplate template(SplittableRandom r) {
    PodTemplate.Builder t = PodTemplate.builder().restartPolicy(RestartPolicy.Never);
    if (r.nextInt(4) == 0) {
      t.addInitContainers(ContainerSpec.builder().name("sidecar").image("proxy:1").restartPolicy(RestartPolicy.Always)
          .requests(ResourceList.of("cpu", "500m")).build());
    }
    if (r.nextInt(4) == 0) {
      t.addInitContainers(ContainerSpec.builder().name("fetch").image("fetch:1").requests(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(20)))).build());
    }
    String gpus = Integer.toString(1 + r.nextInt(8));
    t.addContainers(ContainerSpec.builder().name("main").image("trainer:1")
        .requests(r.nextBoolean() ? ResourceList.of("cpu", Integer.toString(1 + r.nextInt(16)), "memory", (1 + r.nextInt(64)) + "Gi") : ResourceList.empty())
        .limits(ResourceList.of("nvidia.com/gpu", gpus)).build());
    if (r.nextInt(3) == 0) {
      t.addTolerations(Toleration.equal("nvidia.com/gpu", "present", TaintEffect.NoSchedule));
    }
    if (r.nextInt(3) == 0) {
      t.putNodeSelector(BLOCK, "b" + r.nextInt(2));
    }
    if (r.nextInt(4) == 0) {
      Map<String, Object> notRack = Map.of("key", RACK, "operator", "NotIn", "values", List.of("b0-r0"));
      Map<String, Object> required = Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(notRack))));
      t.putExtraField("affinity", Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", required)));
    }
    if (r.nextInt(5) == 0) {
      t.putExtraField("overhead", Map.of("cpu", "250m"));
    }
    return t.build();
  }

  private static GangSpec gang(SplittableRandom r, JobSetSpec js) {
    GangSpec.Builder b = GangSpec.builder().name("g" + r.nextInt(100)).namespace("ml").queueName("gpu").volcanoQueue("training");
    if (js.replicatedJobs().size() > 1 && r.nextBoolean()) {
      for (ReplicatedJob rj : js.replicatedJobs()) {
        b.addPodGroups(group(r, rj.name(), rj.pods()));
      }
    } else {
      b.addPodGroups(group(r, "workers", js.pods()));
    }
    return b.build();
  }

  private static PodGroupSpec group(SplittableRandom r, String name, int pods) {
    PodGroupSpec.Builder g = PodGroupSpec.builder().name(name);
    if (pods > 0 && r.nextInt(4) != 0) {
      // mostly within the pods the group runs; sometimes the whole count (Kueue admits only that)
      g.minCount(r.nextBoolean() ? pods : 1 + r.nextInt(pods));
    }
    switch (r.nextInt(5)) {
      case 0:
        break;
      case 1:
        g.topology(TopologyRequest.required(r.nextBoolean() ? RACK : BLOCK));
        break;
      case 2:
        g.topology(TopologyRequest.preferred(RACK));
        break;
      case 3:
        g.topology(TopologyRequest.unconstrained());
        break;
      default:
        g.topology(TopologyRequest.builder().mode(TopologyMode.REQUIRED).level(BLOCK).sliceLevel(RACK).sliceSize(1 + r.nextInt(2)).build());
    }
    return g.build();
  }

  /** Two blocks of two racks of four 8-GPU hosts; rack b0-r0 tainted for GPU pods only. */
  private static ClusterState cluster() {
    List<ClusterNode> nodes = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      for (int k = 0; k < 2; k++) {
        for (int h = 0; h < 4; h++) {
          String name = "n-" + b + "-" + k + "-" + h;
          ClusterNode.Builder n = ClusterNode.builder().name(name).putLabel(BLOCK, "b" + b).putLabel(RACK, "b" + b + "-r" + k)
              .putLabel(Topology.HOSTNAME, name).allocatable(ResourceList.of("cpu", "64", "memory", "512Gi", "nvidia.com/gpu", "8", "pods", "110"));
          if (b == 0 && k == 0) {
            n.addTaint(dev.aiinfra.core.model.node.Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule));
          }
          nodes.add(n.build());
        }
      }
    }
    return ClusterState.of(nodes);
  }
}
