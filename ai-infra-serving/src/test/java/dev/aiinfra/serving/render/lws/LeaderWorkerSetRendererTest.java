package dev.aiinfra.serving.render.lws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.render.GangAttachment;
import dev.aiinfra.serving.model.lws.LeaderWorkerSetSpec;
import dev.aiinfra.serving.model.lws.LwsRestartPolicy;
import dev.aiinfra.serving.model.lws.RollingUpdate;
import dev.aiinfra.serving.model.lws.StartupPolicy;
import dev.aiinfra.serving.model.lws.SubGroupPolicy;
import dev.aiinfra.serving.model.lws.SubdomainPolicy;
import org.junit.jupiter.api.Test;

class LeaderWorkerSetRendererTest {
  static PodTemplate pod(String role) {
    return PodTemplate.builder()
        .putLabel("role", role)
        .addContainers(ContainerSpec.builder().name("engine").image("vllm/vllm-openai:v0.12.0")
            .requests(ResourceList.of("nvidia.com/gpu", "8")).limits(ResourceList.of("nvidia.com/gpu", "8")).build())
        .build();
  }

  /** A two-node tensor-parallel worker: leader plus three workers, sub-groups of two pods, one group per rack. */
  static LeaderWorkerSetSpec multiNode() {
    return LeaderWorkerSetSpec.builder()
        .name("llama-405b")
        .namespace("serving")
        .putLabel("app", "llama")
        .replicas(2)
        .size(4)
        .leaderTemplate(pod("leader"))
        .workerTemplate(pod("worker"))
        .restartPolicy(LwsRestartPolicy.RecreateGroupAfterStart)
        .startupPolicy(StartupPolicy.LeaderReady)
        .subGroupPolicy(SubGroupPolicy.of(SubGroupPolicy.Type.LeaderWorker, 2))
        .rollingUpdate(RollingUpdate.builder().partition(0).maxUnavailable("25%").maxSurge("1").build())
        .subdomainPolicy(SubdomainPolicy.UniquePerReplica)
        .exclusiveTopology("topology.kubernetes.io/rack")
        .subGroupExclusiveTopology("kubernetes.io/hostname")
        .build();
  }

  @Test
  void a_multi_node_worker_renders_to_its_golden_yaml() {
    Golden.assertMatches("lws-multi-node.yaml", ManifestBundle.of(LeaderWorkerSetRenderer.render(multiNode())).toYaml());
  }

  @Test
  void the_rendered_lws_matches_the_crd_schema() {
    assertThat(SharedData.crds().validate(LeaderWorkerSetRenderer.render(multiNode()))).isEmpty();
  }

  @Test
  void pods_know_their_leader_address_group_size_and_worker_index() {
    LeaderWorkerSetSpec lws = multiNode();
    assertThat(lws.leaderAddress(1)).isEqualTo("llama-405b-1.llama-405b-1.serving");
    assertThat(lws.withSubdomainPolicy(SubdomainPolicy.Shared).leaderAddress(1)).isEqualTo("llama-405b-1.llama-405b.serving");
    assertThat(lws.podEnvironment(1, 3)).containsEntry("LWS_GROUP_SIZE", "4").containsEntry("LWS_WORKER_INDEX", "3");
    assertThat(lws.workerPodName(1, 3)).isEqualTo("llama-405b-1-3");
    assertThat(lws.groupSelector(1)).containsEntry("leaderworkerset.sigs.k8s.io/group-index", "1");
  }

  @Test
  void sub_group_index_follows_the_webhook() {
    // size 4, subgroups of 2: 4 % 2 == 0, so index = worker / 2
    assertThat(multiNode().subGroupIndex(0)).contains(0);
    assertThat(multiNode().subGroupIndex(3)).contains(1);
    // size 5 with LeaderExcluded subgroups of 2: (5-1) % 2 == 0 and 5 % 2 != 0, so index = (worker-1) / 2
    LeaderWorkerSetSpec excluded = multiNode().withSize(5).withSubGroupPolicy(SubGroupPolicy.of(SubGroupPolicy.Type.LeaderExcluded, 2));
    assertThat(excluded.subGroupIndex(1)).contains(0);
    assertThat(excluded.subGroupIndex(4)).contains(1);
  }

  @Test
  void webhook_rules_are_all_reported() {
    assertThatThrownBy(() -> LeaderWorkerSetSpec.builder().name("Bad_Name").size(0).replicas(-1).workerTemplate(pod("w"))
        .subGroupExclusiveTopology("kubernetes.io/hostname")
        .rollingUpdate(RollingUpdate.builder().maxUnavailable("0").maxSurge("0").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
            .contains("metadata.name", "spec.replicas", "spec.leaderWorkerTemplate.size",
                "metadata.annotations[leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology]",
                "spec.rolloutStrategy.rollingUpdateConfiguration.maxUnavailable"));
  }

  @Test
  void sub_group_size_must_divide_the_group() {
    assertThatThrownBy(() -> multiNode().withSize(7).withSubGroupPolicy(SubGroupPolicy.of(SubGroupPolicy.Type.LeaderWorker, 4)))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("subGroupSize");
    assertThatThrownBy(() -> multiNode().withSize(4).withSubGroupPolicy(SubGroupPolicy.of(SubGroupPolicy.Type.LeaderExcluded, 2)))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("LeaderExcluded");
  }

  @Test
  void each_group_becomes_a_gang_with_kueue_topology_aware_scheduling() {
    GangSpec perGroup = GangSpec.builder().name("llama-405b").namespace("serving").queueName("serving")
        .addPodGroups(PodGroupSpec.builder().name("group").minCount(4).topology(TopologyRequest.required("topology.kubernetes.io/rack")).build()).build();
    GangAttachment.Attached attached = GangAttachment.attach(LeaderWorkerSetRenderer.render(multiNode()), perGroup, GangTarget.KUEUE, ClusterProfile.defaults());
    assertThat(attached.workload().getMetadata().getLabels()).containsEntry("kueue.x-k8s.io/queue-name", "serving");
    assertThat(attached.diagnostics()).noneMatch(d -> d.isError());
    assertThat(SharedData.crds().validate(attached.workload())).isEmpty();
  }
}
