package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.ServingSla;

/** The deployment the observability tests watch: Qwen3-32B-FP8 served as 2 prefill + 1 decode vLLM workers. */
public final class SloFixtures {
  private SloFixtures() {}

  public static ServingDeployment qwen() {
    return ServingDeployment.builder().name("qwen3").namespace("serving").model("Qwen/Qwen3-32B-FP8").backend(Backend.VLLM)
        .prefill(ServingRole.of(ServingRole.Phase.PREFILL, 2, 2, 8))
        .decode(ServingRole.of(ServingRole.Phase.DECODE, 1, 4, 128))
        .build();
  }

  /** TTFT 1 s (a vLLM bucket bound), TPOT 50 ms (between the 0.025 and 0.05 bounds: 0.05 is one). */
  public static ServingSla sla() {
    return ServingSla.of(1000, 50);
  }

  public static ServingSlo slo() {
    return ServingSlo.of(qwen(), sla());
  }

  /** The decode role's autoscaler: 10 waiting requests per replica, KV cache at 80 %, TTFT p90 under 1 s. */
  public static AutoscalerSpec decodeAutoscaler() {
    return AutoscalerSpec.builder().minReplicas(2).maxReplicas(16).queueDepthPerReplica(10).kvCacheUtilisation(0.8).kvCacheCapacityPerReplica(1)
        .ttftSloMs(1000).build();
  }
}
