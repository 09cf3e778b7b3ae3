package dev.aiinfra.scheduling.render;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.model.workload.RestartRuleAction;
import dev.aiinfra.scheduling.model.DisruptionMode;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.JobSetFailureAction;
import dev.aiinfra.scheduling.model.JobSetFailureRule;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupClaim;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.TopologyRequest;

/** Shared specs built with the public builders. */
public final class Specs {
  public static final String RACK = "cloud.example.com/rack";

  private Specs() {}

  public static GangSpec gang() {
    return GangSpec.builder().name("llama-train").namespace("ml").queueName("gpu-queue").volcanoQueue("training").scheduleTimeoutSeconds(120)
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(256).topology(TopologyRequest.required(RACK)).build())
        .build();
  }

  public static GangSpec gangWithPreemption() {
    return GangSpec.builder().name("llama-train").namespace("ml")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(256).topology(TopologyRequest.required(RACK))
            .priorityClassName("training-high").disruptionMode(DisruptionMode.PodGroup)
            .addResourceClaims(PodGroupClaim.ofTemplate("nvlink", "nvlink-domain")).build())
        .build();
  }

  public static PodTemplate trainerTemplate() {
    return PodTemplate.builder()
        .restartPolicy(RestartPolicy.Never)
        .addContainers(ContainerSpec.builder().name("trainer").image("ghcr.io/example/trainer:2.1")
            .addCommand("torchrun", "--nproc-per-node=8", "train.py")
            .requests(ResourceList.of("cpu", "32", "memory", "256Gi", "nvidia.com/gpu", "8"))
            .limits(ResourceList.of("nvidia.com/gpu", "8"))
            .restartPolicy(RestartPolicy.Never)
            .addRestartPolicyRules(ContainerRestartRule.of(RestartRuleAction.Restart, ContainerRestartRule.Operator.In, 42))
            .build())
        .build();
  }

  public static JobSetSpec jobSet() {
    return JobSetSpec.builder().name("llama-train").namespace("ml")
        .addReplicatedJobs(ReplicatedJob.builder().name("workers").replicas(32).parallelism(8).podTemplate(trainerTemplate()).build())
        .maxRestarts(3)
        .addFailureRules(JobSetFailureRule.builder().name("fail-on-config").action(JobSetFailureAction.FailJobSet).addOnJobFailureReasons("PodFailurePolicy").build())
        .exclusiveTopology(RACK)
        .build();
  }
}
