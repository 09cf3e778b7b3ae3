package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.RestartRuleAction;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.JobSetRestartStrategy;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSetRendererTest {
  @Test
  void a_jobset_renders_to_its_golden_yaml() {
    RenderedObject r = JobSetRenderer.render(Specs.jobSet(), ClusterProfile.defaults());
    Golden.assertMatches("jobset.yaml", ManifestBundle.of(r.object()).toYaml());
    assertThat(r.acceptable()).isTrue();
  }

  @Test
  void the_rendered_jobset_matches_the_crd_schema() {
    assertThat(SharedData.crds().validate(JobSetRenderer.render(Specs.jobSet(), ClusterProfile.defaults()).object())).isEmpty();
  }

  private static JobSetSpec exclusivePerReplicatedJob() {
    JobSetSpec js = Specs.jobSet().withExclusiveTopology(java.util.Optional.empty());
    return js.withReplicatedJobs(js.replicatedJobs().get(0).withExclusiveTopology(Specs.RACK));
  }

  @Test
  void a_replicated_jobs_exclusive_topology_renders_on_its_job_template_to_its_golden_yaml() {
    RenderedObject r = JobSetRenderer.render(exclusivePerReplicatedJob(), ClusterProfile.defaults());
    Golden.assertMatches("jobset-exclusive-per-replicated-job.yaml", ManifestBundle.of(r.object()).toYaml());
    assertThat(SharedData.crds().validate(r.object())).isEmpty();
  }

  @Test
  void in_place_restart_needs_its_preconditions_on_every_replicated_job() {
    assertThatThrownBy(() -> Specs.jobSet().withRestartStrategy(JobSetRestartStrategy.InPlaceRestart))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
            .containsExactly("spec.replicatedJobs[0].template.spec.backoffLimit", "spec.replicatedJobs[0].template.spec.podReplacementPolicy"));
  }

  @Test
  void in_place_restart_with_its_preconditions_renders_with_a_gate_reminder() {
    ReplicatedJob rj = Specs.jobSet().replicatedJobs().get(0).withBackoffLimit(Integer.MAX_VALUE).withPodReplacementPolicy("Failed");
    JobSetSpec js = Specs.jobSet().withReplicatedJobs(rj).withRestartStrategy(JobSetRestartStrategy.InPlaceRestart);
    RenderedObject r = JobSetRenderer.render(js, ClusterProfile.defaults());
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("JOBSET_GATE");
    assertThat(ManifestBundle.of(r.object()).toYaml()).contains("restartStrategy: InPlaceRestart").contains("backoffLimit: 2147483647");
  }

  @Test
  void restart_rules_are_refused_on_1_34_and_restart_all_needs_its_gate() {
    RenderedObject old = JobSetRenderer.render(Specs.jobSet(), ClusterProfile.of(KubernetesVersion.V1_34));
    assertThat(old.diagnostics()).extracting(Diagnostic::code).containsExactly("RESTART_RULES_UNAVAILABLE");
    var c = Specs.trainerTemplate().containers().get(0).withRestartPolicyRules(
        ContainerRestartRule.of(RestartRuleAction.RestartAllContainers, ContainerRestartRule.Operator.In, 42));
    JobSetSpec js = Specs.jobSet().withReplicatedJobs(Specs.jobSet().replicatedJobs().get(0).withPodTemplate(Specs.trainerTemplate().withContainers(c)));
    assertThat(JobSetRenderer.render(js, ClusterProfile.of(KubernetesVersion.V1_35)).diagnostics()).extracting(Diagnostic::code)
        .containsExactly("RESTART_ALL_CONTAINERS_UNAVAILABLE");
    assertThat(JobSetRenderer.render(js, ClusterProfile.defaults()).acceptable()).isTrue();
  }

  @Test
  void every_broken_rule_is_reported_at_once() {
    assertThatThrownBy(() -> JobSetSpec.builder().name("Bad_Name")
            .addReplicatedJobs(ReplicatedJob.builder().name("a").podTemplate(Specs.trainerTemplate()).putDependsOn("b", ReplicatedJob.DependencyStatus.Ready).build())
            .addReplicatedJobs(ReplicatedJob.builder().name("a").podTemplate(Specs.trainerTemplate()).build())
            .build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
            .contains("metadata.name", "spec.replicatedJobs[0].dependsOn", "spec.replicatedJobs[1].name"));
  }

  @Test
  void extra_fields_merge_and_conflicts_fail() {
    JobSetSpec js = Specs.jobSet().withExtraFields(Map.of("spec", Map.of("coordinator", Map.of("replicatedJob", "workers"))));
    assertThat(ManifestBundle.of(JobSetRenderer.render(js, ClusterProfile.defaults()).object()).toYaml()).contains("coordinator:\n    replicatedJob: workers");
    assertThatThrownBy(() -> JobSetRenderer.render(Specs.jobSet().withExtraFields(Map.of("spec", Map.of("failurePolicy", Map.of("maxRestarts", 9)))), ClusterProfile.defaults()))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("spec.failurePolicy.maxRestarts");
  }
}
