package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.KvTransport;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.testing.Gen;

/**
 * Prefill/decode planning requests drawn from the shipped catalog: dense models that fit a node,
 * Hopper and Blackwell GPUs, budgets, traffic shapes, SLAs, backends and KV transports.
 */
public final class PdGenerators {
  private static final PdCatalog CATALOG = PdCatalog.builtin();
  private static final String[] MODELS = {"Qwen/Qwen3-8B", "meta-llama/Llama-3.1-8B", "Qwen/Qwen3-32B-FP8", "Qwen/Qwen3-32B", "meta-llama/Llama-3.1-70B-FP8"};
  private static final String[] GPUS = {"h100_sxm", "h200_sxm", "b200_sxm"};

  private PdGenerators() {}

  public static Gen<Traffic> traffic() {
    return r -> {
      int isl = 64 + r.nextInt(8000);
      int osl = 16 + r.nextInt(2000);
      int prefix = r.nextBoolean() ? 0 : r.nextInt(isl / 2 + 1);
      return Traffic.builder().inputTokens(isl).outputTokens(osl).prefixTokens(prefix).build();
    };
  }

  public static Gen<ServingSla> sla() {
    return r -> {
      ServingSla.Builder b = ServingSla.builder().ttftMs(50 + r.nextInt(3000)).tpotMs(4 + r.nextInt(60));
      if (r.nextInt(4) == 0) {
        b.requestLatencyMs(2_000 + r.nextInt(60_000));
      }
      return b.build();
    };
  }

  /** A request with a budget of {@code minGpus..maxGpus}. */
  public static Gen<PlanRequest> requests(int minGpus, int maxGpus) {
    return r -> PlanRequest.builder()
        .model(CATALOG.model(MODELS[r.nextInt(MODELS.length)]).orElseThrow())
        .gpu(CATALOG.gpu(GPUS[r.nextInt(GPUS.length)]).orElseThrow())
        .totalGpus(minGpus + r.nextInt(maxGpus - minGpus + 1))
        .traffic(traffic().next(r))
        .sla(sla().next(r))
        .backend(Gen.oneOf(Backend.values()).next(r))
        .kvTransport(r.nextInt(5) == 0 ? KvTransport.TCP : KvTransport.RDMA)
        .top(3)
        .build();
  }
}
