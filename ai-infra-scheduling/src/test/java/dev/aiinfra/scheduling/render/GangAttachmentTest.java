package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.render.ManifestReader;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.TopologyRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

class GangAttachmentTest {
  private static final ClusterProfile PROFILE = ClusterProfile.defaults();

  private static HasMetadata jobSet() {
    return JobSetRenderer.render(Specs.jobSet(), PROFILE).object();
  }

  private static HasMetadata lws() {
    return ManifestReader.withDefaults().readString("lws.yaml",
        "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: vllm, namespace: serving}\nspec:\n  replicas: 2\n"
            + "  leaderWorkerTemplate:\n    size: 4\n    workerTemplate:\n      spec:\n        containers: [{name: w, image: vllm}]\n").get(0).object();
  }

  @Test
  void a_jobset_takes_its_size_from_replicas_times_parallelism() {
    GangAttachment.Attached a = GangAttachment.attach(jobSet(), Specs.gang(), GangTarget.NATIVE, PROFILE);
    Golden.assertMatches("jobset-native-gang.yaml", a.bundle().toYaml());
  }

  @Test
  void a_min_count_above_the_pods_the_workload_runs_is_refused() {
    GangSpec tooBig = Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withMinCount(257));
    assertThatThrownBy(() -> GangAttachment.attach(jobSet(), tooBig, GangTarget.NATIVE, PROFILE))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("must not exceed the 256 pods the JobSet runs");
  }

  @Test
  void kueue_puts_the_queue_on_the_jobset_and_tas_annotations_on_its_templates() {
    GangAttachment.Attached a = GangAttachment.attach(jobSet(), Specs.gang(), GangTarget.KUEUE, PROFILE);
    Golden.assertMatches("jobset-kueue.yaml", a.bundle().toYaml());
    assertThat(a.gangObjects()).isEmpty();
    assertThat(SharedData.crds().validate(a.workload())).isEmpty();
  }

  @Test
  void volcano_wires_every_pod_template_and_the_result_matches_the_crds() {
    GangAttachment.Attached a = GangAttachment.attach(jobSet(), Specs.gang(), GangTarget.VOLCANO, PROFILE);
    assertThat(SharedData.crds().validate(a.workload())).isEmpty();
    a.gangObjects().forEach(o -> assertThat(SharedData.crds().validate(o)).isEmpty());
  }

  @Test
  void a_leader_worker_set_gets_one_gang_per_group() {
    GangSpec perGroup = GangSpec.builder().name("vllm").namespace("serving").queueName("serving")
        .addPodGroups(PodGroupSpec.builder().name("group").minCount(4).topology(TopologyRequest.required(Specs.RACK)).build()).build();
    GangAttachment.Attached kueue = GangAttachment.attach(lws(), perGroup, GangTarget.KUEUE, PROFILE);
    assertThat(kueue.workload().getMetadata().getLabels()).containsEntry("kueue.x-k8s.io/queue-name", "serving");
    assertThat(SharedData.crds().validate(kueue.workload())).isEmpty();
    GangAttachment.Attached nativeGang = GangAttachment.attach(lws(), perGroup, GangTarget.NATIVE, PROFILE);
    assertThat(nativeGang.gangObjects()).extracting(HasMetadata::getKind).containsExactly("Workload");
    assertThatThrownBy(() -> GangAttachment.attach(lws(), perGroup, GangTarget.COSCHEDULING, PROFILE)).isInstanceOf(InvalidSpecException.class);
  }
}
