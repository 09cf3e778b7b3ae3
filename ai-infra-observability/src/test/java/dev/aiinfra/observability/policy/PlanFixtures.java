package dev.aiinfra.observability.policy;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.scheduling.model.GangTarget;
import java.util.List;

/** A training JobSet, a serving LeaderWorkerSet and DisaggregatedSet, a StatefulSet behind a Service and a Deployment. */
final class PlanFixtures {
  private PlanFixtures() {}

  static MonitoredWorkload pretrain() {
    return MonitoredWorkload.builder().kind(WorkloadKind.JOBSET).name("pretrain").namespace("training").gpusPerPod(8).pods(32)
        .gang(GangTarget.NATIVE).gangTimeoutSeconds(600).build();
  }

  static MonitoredWorkload qwen() {
    return MonitoredWorkload.builder().kind(WorkloadKind.LEADER_WORKER_SET).name("qwen").namespace("serving").gpusPerPod(4)
        .gang(GangTarget.KUEUE).queueName("serving-q").build();
  }

  static MonitoredWorkload disaggregated() {
    return MonitoredWorkload.builder().kind(WorkloadKind.DISAGGREGATED_SET).name("qwen3-pd").namespace("serving").gpusPerPod(1)
        .addRoles("prefill", "decode").build();
  }

  static MonitoredWorkload embedder() {
    return MonitoredWorkload.builder().kind(WorkloadKind.STATEFUL_SET).name("embedder").namespace("serving").putPodSelector("app", "embedder")
        .putServiceLabel("app", "embedder").metricsPort("http-metrics").build();
  }

  static MonitoredWorkload router() {
    return MonitoredWorkload.builder().kind(WorkloadKind.DEPLOYMENT).name("router").namespace("serving").putPodSelector("app", "router").build();
  }

  static List<MonitoredWorkload> all() {
    return List.of(pretrain(), qwen(), disaggregated(), embedder(), router());
  }

  static MonitoringOptions options() {
    return MonitoringOptions.builder().putObjectLabel("release", "kube-prometheus-stack").build();
  }

  static MonitoringPlan plan() {
    return MonitoringPlan.of(all(), options());
  }
}
