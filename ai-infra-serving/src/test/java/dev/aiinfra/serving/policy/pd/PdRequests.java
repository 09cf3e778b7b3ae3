package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;

/** Plan requests built with the public builders, as AIConfigurator's {@code cli default} takes them. */
final class PdRequests {
  static final PdCatalog CATALOG = PdCatalog.builtin();

  private PdRequests() {}

  static PlanRequest.Builder request(String model, String system, int gpus, int isl, int osl, int prefix, double ttft, double tpot) {
    return PlanRequest.builder()
        .model(CATALOG.model(model).orElseThrow())
        .gpu(CATALOG.gpu(system).orElseThrow())
        .totalGpus(gpus)
        .traffic(Traffic.builder().inputTokens(isl).outputTokens(osl).prefixTokens(prefix).build())
        .sla(ServingSla.of(ttft, tpot))
        .backend(Backend.TRTLLM);
  }

  /** AIConfigurator README: Qwen3-32B-FP8 on 32 H200, ISL 4000 / OSL 500, prefix 500, TTFT 300 ms, TPOT 10 ms. */
  static PlanRequest readmeExample() {
    return request("Qwen/Qwen3-32B-FP8", "h200_sxm", 32, 4000, 500, 500, 300, 10).build();
  }
}
