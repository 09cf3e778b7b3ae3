package dev.aiinfra.cli.manifest;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.scheduling.model.ExpectedFailure;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.restart.RestartAdvice;
import dev.aiinfra.scheduling.policy.restart.RestartAdvisor;
import dev.aiinfra.scheduling.render.GangAttachment;
import dev.aiinfra.scheduling.render.JobSetRenderer;
import java.util.List;

/** The gang example: a 256-pod JobSet with a rack-level gang for the chosen target, and in-place restart for exit code 42. */
final class GangScenario {
  private GangScenario() {}

  static ManifestBundle jobSet(GangTarget target) {
    ClusterProfile profile = ClusterProfile.defaults();
    RestartAdvice advice = RestartAdvisor.advise(
        List.of(ExpectedFailure.of(ExpectedFailure.Kind.RETRYABLE_EXIT, 42), ExpectedFailure.of(ExpectedFailure.Kind.NODE_LOSS)), profile);
    ContainerSpec trainer = ContainerSpec.builder().name("trainer").image("ghcr.io/example/trainer:2.1")
        .addCommand("torchrun", "--nnodes=32", "--nproc-per-node=8", "train.py")
        .requests(ResourceList.of("cpu", "16", "memory", "128Gi", "nvidia.com/gpu", "1"))
        .limits(ResourceList.of("nvidia.com/gpu", "1")).build();
    JobSetSpec js = JobSetSpec.builder().name("llama-train").namespace("ml")
        .addReplicatedJobs(ReplicatedJob.builder().name("workers").replicas(32).parallelism(8)
            .podTemplate(PodTemplate.builder().restartPolicy(RestartPolicy.Never).addContainers(advice.applyTo(trainer)).build()).build())
        .maxRestarts(3).restartStrategy(advice.jobSetRestartStrategy()).failureRules(advice.jobSetRules()).build();
    GangSpec gang = GangSpec.builder().name("llama-train").namespace("ml").queueName("gpu").volcanoQueue("training")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(256).topology(TopologyRequest.required("topology.example.com/rack")).build())
        .build();
    return GangAttachment.attach(JobSetRenderer.render(js, profile).object(), gang, target, profile).bundle();
  }
}
