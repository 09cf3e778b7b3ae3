package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PodNode;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JobSet exclusive placement, whatever the gang target (native Workload, Volcano, coscheduling,
 * Kueue): an exclusive Job's placed pods share one rack, and no pod of another Job is placed in it.
 */
class ExclusivePlacementPropertiesTest {
  private static final String RACK = "cloud.example.com/rack";
  private static final ClusterProfile PROFILE = ClusterProfile.of(KubernetesVersion.parse("1.36"));
  private static final PlacementOptions OPTIONS = PlacementOptions.builder().topology(Topology.of("default", List.of(RACK, Topology.HOSTNAME))).build();

  static LongStream seeds() {
    return Seeds.of(6);
  }

  /** The cluster, and the JobSets with their gang wiring, in placement order. */
  record Case(List<ClusterNode> nodes, List<GangPlacementInput> inputs, Set<String> exclusiveJobs) {}

  private static Gen<Case> cases() {
    return r -> {
      List<ClusterNode> nodes = new ArrayList<>();
      int racks = 1 + r.nextInt(4);
      int hosts = 1 + r.nextInt(3);
      for (int k = 0; k < racks; k++) {
        for (int h = 0; h < hosts; h++) {
          nodes.add(ClusterNode.builder().name("n" + k + "-" + h).putLabel(RACK, "r" + k).putLabel(Topology.HOSTNAME, "n" + k + "-" + h)
              .allocatable(ResourceList.of("cpu", Integer.toString(4 + r.nextInt(12)), "memory", "64Gi", "pods", "110")).build());
        }
      }
      List<GangPlacementInput> inputs = new ArrayList<>();
      Set<String> exclusive = new HashSet<>();
      int jobSets = 1 + r.nextInt(3);
      for (int j = 0; j < jobSets; j++) {
        Optional<GangPlacementInput> in = jobSet(r, "js" + j, exclusive);
        in.ifPresent(inputs::add);
      }
      return new Case(nodes, inputs, exclusive);
    };
  }

  private static Optional<GangPlacementInput> jobSet(SplittableRandom r, String name, Set<String> exclusiveJobs) {
    String namespace = r.nextBoolean() ? "ml" : "research";
    boolean wholeJobSet = r.nextBoolean();
    JobSetSpec.Builder js = JobSetSpec.builder().name(name).namespace(namespace);
    if (wholeJobSet) {
      js.exclusiveTopology(RACK);
    }
    int rjobs = 1 + r.nextInt(2);
    int pods = 0;
    for (int i = 0; i < rjobs; i++) {
      boolean own = !wholeJobSet && r.nextBoolean();
      int replicas = 1 + r.nextInt(3);
      int parallelism = 1 + r.nextInt(3);
      String rj = "rj" + i;
      js.addReplicatedJobs(ReplicatedJob.builder().name(rj).replicas(replicas).parallelism(parallelism)
          .exclusiveTopology(own ? Optional.of(RACK) : Optional.empty())
          .podTemplate(PodTemplate.builder().restartPolicy(RestartPolicy.Never).addContainers(ContainerSpec.builder().name("main").image("trainer:1")
              .requests(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(4)))).build()).build()).build());
      if (wholeJobSet || own) {
        for (int k = 0; k < replicas; k++) {
          exclusiveJobs.add(name + "-" + rj + "-" + k);
        }
      }
      pods += replicas * parallelism;
    }
    GangTarget target = GangTarget.values()[r.nextInt(GangTarget.values().length)];
    PodGroupSpec.Builder group = PodGroupSpec.builder().name("workers");
    if (target == GangTarget.KUEUE) {
      group.minCount(pods).topology(r.nextBoolean() ? TopologyRequest.unconstrained() : TopologyRequest.preferred(RACK));
    } else {
      group.minCount(1 + r.nextInt(pods));
    }
    GangSpec gang = GangSpec.builder().name(name + "-gang").namespace(namespace).queueName("gpu").addPodGroups(group.build()).build();
    try {
      return Optional.of(GangPlacementInput.of(js.build(), gang, target, PROFILE));
    } catch (InvalidSpecException refused) {
      return Optional.empty();
    }
  }

  private static String job(String pod) {
    return pod.substring(0, pod.lastIndexOf('-'));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void an_exclusive_topology_never_shares_a_domain_between_two_jobs(long seed) {
    int[] placedExclusive = {0};
    Property.forAll(seed, cases(), 30, c -> {
      List<Gang> gangs = c.inputs().stream().flatMap(i -> i.gangs().stream()).toList();
      Map<String, String> rackOf = new HashMap<>();
      c.nodes().forEach(n -> rackOf.put(n.name(), n.labels().get(RACK)));
      Map<String, Set<String>> racksByJob = new HashMap<>();
      Map<String, Set<String>> jobsByRack = new HashMap<>();
      for (GangResult g : GangPlacement.place(ClusterState.of(c.nodes()), gangs, OPTIONS).gangs()) {
        for (PodNode p : g.podSets().stream().flatMap(ps -> ps.placements().stream()).toList()) {
          // namespaces differ between JobSets, names do not collide (js0, js1, ...)
          racksByJob.computeIfAbsent(job(p.pod()), k -> new HashSet<>()).add(rackOf.get(p.node()));
          jobsByRack.computeIfAbsent(rackOf.get(p.node()), k -> new HashSet<>()).add(job(p.pod()));
        }
      }
      for (String job : c.exclusiveJobs()) {
        Set<String> racks = racksByJob.getOrDefault(job, Set.of());
        assertThat(racks).as("racks of exclusive Job %s", job).hasSizeLessThanOrEqualTo(1);
        placedExclusive[0] += racks.size();
        for (String rack : racks) {
          assertThat(jobsByRack.get(rack)).as("Jobs in rack %s, exclusive to %s", rack, job).containsExactly(job);
        }
      }
    });
    // the property says little unless exclusive Jobs do get placed
    assertThat(placedExclusive[0]).isGreaterThan(10);
  }
}
