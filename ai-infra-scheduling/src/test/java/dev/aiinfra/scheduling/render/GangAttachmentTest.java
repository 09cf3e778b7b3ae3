package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.read.ManifestReader;
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
  void a_gang_in_another_namespace_than_its_pods_is_refused_at_its_namespace() {
    GangSpec elsewhere = Specs.gang().withNamespace("other");
    assertThatThrownBy(() -> GangAttachment.attach(jobSet(), elsewhere, GangTarget.NATIVE, PROFILE))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
            .containsExactly("metadata.namespace"))
        .hasMessageContaining("pods join a gang object of their own namespace only");
  }

  @Test
  void kueue_creates_its_workload_beside_the_pods_so_the_gang_namespace_does_not_matter() {
    GangSpec elsewhere = Specs.gang().withNamespace("other");
    assertThat(GangAttachment.attach(jobSet(), elsewhere, GangTarget.KUEUE, PROFILE).gangObjects()).isEmpty();
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

  @Test
  void a_preferred_topology_on_the_native_target_is_refused_not_dropped() {
    GangSpec preferred = Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withTopology(TopologyRequest.preferred(Specs.RACK)));
    assertThatThrownBy(() -> GangAttachment.attach(jobSet(), preferred, GangTarget.NATIVE, PROFILE))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::toString)
            .containsExactly("podGroups[workers].topology: Forbidden: GANG_FIELD_UNSUPPORTED: pod group workers: the native gang supports"
                + " one required topology level only (no preferred, unconstrained or slices); use a required level, or render for Kueue"));
  }

  @Test
  void every_error_of_the_rendering_is_listed_at_its_field() {
    GangSpec noQueue = GangSpec.builder().name("llama-train").namespace("ml")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(200).build()).build();
    assertThatThrownBy(() -> GangAttachment.attach(jobSet(), noQueue, GangTarget.KUEUE, PROFILE))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("queueName", "podGroups[workers].minCount"));
  }

  @Test
  void workload_errors_and_rendering_errors_are_reported_together() {
    GangSpec tooBigAndPreferred = Specs.gang().withPodGroups(Specs.gang().podGroups().get(0)
        .withMinCount(257).withTopology(TopologyRequest.preferred(Specs.RACK)));
    assertThatThrownBy(() -> GangAttachment.attach(jobSet(), tooBigAndPreferred, GangTarget.NATIVE, PROFILE))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactly("podGroups[workers].minCount", "podGroups[workers].topology"));
  }

  @Test
  void warnings_do_not_stop_the_rendering_and_stay_on_the_result() {
    GangAttachment.Attached a = GangAttachment.attach(jobSet(), Specs.gang(), GangTarget.NATIVE, PROFILE);
    assertThat(a.diagnostics()).isNotEmpty().noneMatch(Diagnostic::isError);
    assertThat(a.diagnostics()).extracting(Diagnostic::code).containsOnly("GATE_OFF");
  }

  @Test
  void wiring_that_only_touches_the_pod_spec_leaves_no_empty_metadata() {
    String yaml = GangAttachment.attach(jobSet(), Specs.gang(), GangTarget.NATIVE, PROFILE).bundle().toYaml();
    assertThat(yaml).contains("schedulingGroup:").doesNotContain("metadata: {}");
  }
}
