package dev.aiinfra.examples.serving;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import dev.aiinfra.serving.policy.pd.ServingConfiguration;
import dev.aiinfra.serving.render.autoscale.HpaRenderer;
import dev.aiinfra.serving.render.deploy.PlannedDeployment;
import dev.aiinfra.serving.render.deploy.ServingBundle;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AIConfigurator's README case: Qwen3-32B-FP8 on 32 H200 with ISL 4000 / OSL 500 (500 cached),
 * TTFT ≤ 300 ms and TPOT ≤ 10 ms. Prints the ranked plan table and why the winner wins, then the
 * winner as llm-d-style dual LeaderWorkerSets with an InferencePool, and an HPA for the decode role.
 */
public final class DisaggregatedServingExample {
  private DisaggregatedServingExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The ranked candidates for the README case. */
  public static PdPlan plan() {
    PdCatalog catalog = PdCatalog.builtin();
    PlanRequest request = PlanRequest.builder()
        .model(catalog.model("Qwen/Qwen3-32B-FP8").orElseThrow())
        .gpu(catalog.gpu("h200_sxm").orElseThrow())
        .totalGpus(32)
        .traffic(Traffic.builder().inputTokens(4000).outputTokens(500).prefixTokens(500).build())
        .sla(ServingSla.of(300, 10))
        .top(6)
        .build();
    return PdPlanner.plan(request);
  }

  /** The decode role's autoscaler: queue depth and KV-cache use, 4 to 16 replicas. */
  public static HpaRenderer.RenderedHpa decodeHpa() {
    AutoscalerSpec autoscaling = AutoscalerSpec.builder().minReplicas(4).maxReplicas(16).queueDepthPerReplica(16)
        .kvCacheUtilisation(0.85).kvCacheCapacityPerReplica(1).startupSeconds(180).build();
    return HpaRenderer.render(autoscaling, "qwen3-decode", "default", "leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "qwen3-decode");
  }

  /** What {@code ai-infra render serving-pd-disaggregated} prints: the winner's LeaderWorkerSets and InferencePool, and the decode HPA. */
  public static ManifestBundle manifests() {
    List<HasMetadata> objects = new ArrayList<>(PlannedDeployment.render(plan(), "qwen3", DeploymentStyle.LWS).manifests().objects());
    objects.add(decodeHpa().hpa());
    return ManifestBundle.of(objects);
  }

  /** The advice, the winner and the best aggregated configuration. */
  public static List<String> findings() {
    PdPlan plan = plan();
    List<String> out = new ArrayList<>();
    out.add("advice: " + plan.advice().map(m -> m.id()).orElse("none"));
    plan.candidates().stream().findFirst().ifPresent(c -> out.add(String.format(Locale.ROOT, "best: %s %s, %.2f tokens/s/gpu, TTFT %.2f ms, TPOT %.2f ms",
        c.mode().id(), c.label(), c.tokensPerSecondPerGpu(), c.ttftMs(), c.tpotMs())));
    plan.bestAggregated().ifPresent(a -> out.add(String.format(Locale.ROOT, "best aggregated: %s at %.2f tokens/s/gpu", a.label(), a.tokensPerSecondPerGpu())));
    return out;
  }

  static PdPlan run(PrintStream out) {
    PdPlan plan = plan();

    out.println("# Qwen/Qwen3-32B-FP8 on 32 x h200_sxm, ISL 4000 / OSL 500 (prefix 500), TTFT <= 300 ms, TPOT <= 10 ms");
    out.printf(Locale.ROOT, "%-4s %-14s %-28s %5s %13s %14s %8s %8s%n", "rank", "mode", "configuration", "gpus", "tokens/s/gpu", "tokens/s/user", "ttft", "tpot");
    int rank = 1;
    for (ServingConfiguration c : plan.candidates()) {
      out.printf(Locale.ROOT, "%-4d %-14s %-28s %5d %13.2f %14.2f %8.2f %8.2f%n", rank++, c.mode().id(), c.label(), c.gpus(),
          c.tokensPerSecondPerGpu(), c.tokensPerSecondPerUser(), c.ttftMs(), c.tpotMs());
    }
    plan.bestAggregated().ifPresent(a -> out.printf(Locale.ROOT, "best aggregated: %s at %.2f tokens/s/gpu%n", a.label(), a.tokensPerSecondPerGpu()));
    out.println("advice: " + plan.advice().map(m -> m.id()).orElse("none"));
    for (Diagnostic d : plan.explanations()) {
      out.println(d.code() + ": " + d.message());
    }

    ServingBundle bundle = PlannedDeployment.render(plan, "qwen3", DeploymentStyle.LWS);
    out.println();
    out.println("# deployment");
    out.print(bundle.manifests().toYaml());
    bundle.diagnostics().forEach(d -> out.println("# note: " + d.code() + ": " + d.message()));

    HpaRenderer.RenderedHpa hpa = decodeHpa();
    out.println("---");
    out.print(ManifestBundle.of(hpa.hpa()).toYaml());
    hpa.diagnostics().forEach(d -> out.println("# note: " + d.code() + ": " + d.message()));
    return plan;
  }
}
