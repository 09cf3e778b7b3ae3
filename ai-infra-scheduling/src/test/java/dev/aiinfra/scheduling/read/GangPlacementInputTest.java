package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.render.Specs;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed path from a gang and its JobSet to the gangs placed gives what {@code gang place} reads from the rendered YAML. */
class GangPlacementInputTest {
  private static final ClusterProfile PROFILE = ClusterProfile.defaults();

  @Test
  void the_native_gang_of_the_shared_jobset_is_the_one_gang_place_reads_from_its_yaml() {
    GangPlacementInput typed = GangPlacementInput.of(Specs.jobSet(), Specs.gang(), GangTarget.NATIVE, PROFILE);
    assertThat(typed.gangs()).isEqualTo(YamlPath.gangs(typed.attached()));
    Gang g = typed.gangs().get(0);
    assertThat(g.name()).isEqualTo("llama-train-workers");
    assertThat(g.minCount()).isEqualTo(256);
    assertThat(g.topologyKey()).contains(Specs.RACK);
    assertThat(g.podSets().get(0).podNames()).startsWith("llama-train-workers-0-0", "llama-train-workers-0-1").hasSize(256);
  }

  @Test
  void every_target_gives_the_gangs_of_the_yaml_path() {
    for (GangTarget target : new GangTarget[] {GangTarget.KUEUE, GangTarget.VOLCANO}) {
      GangPlacementInput typed = GangPlacementInput.of(Specs.jobSet(), Specs.gang(), target, PROFILE);
      assertThat(typed.gangs()).as(target.name()).isEqualTo(YamlPath.gangs(typed.attached()));
    }
  }

  @Test
  void kubernetes_1_35_gangs_are_the_workloads_pod_groups() {
    GangSpec basic = GangSpec.builder().name("llama-train").namespace("ml").addPodGroups(PodGroupSpec.gang("workers", 128)).build();
    ClusterProfile v135 = ClusterProfile.of(KubernetesVersion.parse("1.35"));
    GangPlacementInput typed = GangPlacementInput.of(Specs.jobSet(), basic, GangTarget.NATIVE, v135);
    assertThat(typed.gangs()).isEqualTo(YamlPath.gangs(typed.attached()));
    assertThat(typed.gangs().get(0).name()).isEqualTo("llama-train/workers");
  }

  @Test
  void a_pod_group_per_replicated_job_gives_a_gang_per_replicated_job() {
    JobSetSpec js = JobSetSpec.builder().name("pd").namespace("ml")
        .addReplicatedJobs(ReplicatedJob.builder().name("leader").podTemplate(Specs.trainerTemplate()).build())
        .addReplicatedJobs(ReplicatedJob.builder().name("workers").replicas(2).parallelism(3).podTemplate(Specs.trainerTemplate()).build())
        .build();
    GangSpec gang = GangSpec.builder().name("pd").namespace("ml")
        .addPodGroups(PodGroupSpec.basic("leader"), PodGroupSpec.gang("workers", 6)).build();
    GangPlacementInput typed = GangPlacementInput.of(js, gang, GangTarget.NATIVE, PROFILE);
    assertThat(typed.gangs()).isEqualTo(YamlPath.gangs(typed.attached()));
    assertThat(typed.gangs()).extracting(Gang::name).containsExactly("pd-leader", "pd-workers");
  }

  @Test
  void kueue_admits_the_whole_jobset_as_one_workload() {
    GangPlacementInput typed = GangPlacementInput.of(Specs.jobSet(), Specs.gang(), GangTarget.KUEUE, PROFILE);
    Gang g = typed.gangs().get(0);
    assertThat(g.kind()).isEqualTo(GangKind.KUEUE);
    assertThat(g.name()).isEqualTo("llama-train");
    assertThat(g.podSets().get(0).topology()).contains(TopologyRequest.required(Specs.RACK));
  }

  @Test
  void the_placement_is_the_one_of_the_yaml_path() {
    List<ClusterNode> nodes = new ArrayList<>();
    for (int rack = 0; rack < 3; rack++) {
      for (int host = 0; host < 12; host++) {
        nodes.add(ClusterNode.builder().name("n-" + rack + "-" + host).putLabel(Specs.RACK, "r" + rack).putLabel(Topology.HOSTNAME, "n-" + rack + "-" + host)
            .allocatable(ResourceList.of("cpu", "256", "memory", "2Ti", "nvidia.com/gpu", "8", "pods", "110")).build());
      }
    }
    GangSpec gang = GangSpec.builder().name("llama-train").namespace("ml")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(10).topology(TopologyRequest.required(Specs.RACK)).build()).build();
    // without exclusive placement: ten Jobs, each wanting a rack to itself, cannot share the gang's one rack
    JobSetSpec js = Specs.jobSet().withReplicatedJobs(Specs.jobSet().replicatedJobs().get(0).withReplicas(10).withParallelism(1))
        .withExclusiveTopology(java.util.Optional.empty());
    GangPlacementInput typed = GangPlacementInput.of(js, gang, GangTarget.NATIVE, PROFILE);
    PlacementOptions options = PlacementOptions.builder().topology(Topology.of("default", List.of(Specs.RACK, Topology.HOSTNAME))).build();
    PlacementResult result = typed.placeOn(ClusterState.of(nodes), options);
    assertThat(result.gangs().get(0).fits()).isTrue();
    assertThat(result).isEqualTo(dev.aiinfra.scheduling.policy.placement.GangPlacement.place(ClusterState.of(nodes), YamlPath.gangs(typed.attached()), options));
  }

  @Test
  void a_gang_in_another_namespace_than_its_pods_is_refused_at_its_namespace() {
    GangSpec elsewhere = Specs.gang().withNamespace("other");
    assertThatThrownBy(() -> GangPlacementInput.of(Specs.jobSet(), elsewhere, GangTarget.NATIVE, PROFILE))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("metadata.namespace").hasMessageContaining("(ml)");
  }

  @Test
  void what_the_rendering_refuses_is_refused() {
    GangSpec preferred = GangSpec.builder().name("llama-train").namespace("ml")
        .addPodGroups(PodGroupSpec.builder().name("workers").topology(TopologyRequest.preferred(Specs.RACK)).build()).build();
    assertThatThrownBy(() -> GangPlacementInput.of(Specs.jobSet(), preferred, GangTarget.NATIVE, PROFILE))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("podGroups[workers].topology");
  }

  @Test
  void a_statefulset_object_is_read_in_memory() {
    var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace("ml").endMetadata()
        .withNewSpec().withReplicas(3).withNewTemplate().withNewSpec().addNewContainer().withName("db").withImage("postgres:16")
        .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("2")).endResources().endContainer()
        .endSpec().endTemplate().endSpec().build();
    GangSpec gang = GangSpec.builder().name("db").namespace("ml").addPodGroups(PodGroupSpec.gang("all", 3)).build();
    GangPlacementInput typed = GangPlacementInput.of(sts, gang, GangTarget.NATIVE, PROFILE);
    assertThat(typed.gangs()).singleElement().satisfies(g -> {
      assertThat(g.name()).isEqualTo("db-all");
      assertThat(g.minCount()).isEqualTo(3);
      assertThat(g.podSets().get(0).podNames()).containsExactly("db-0", "db-1", "db-2");
    });
  }
}
