package dev.aiinfra.examples.observability;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.observability.model.ObservationOptions;
import dev.aiinfra.observability.model.ObservedWorkloads;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.observability.policy.slo.ServingSloRules;
import dev.aiinfra.observability.read.ObservedWorkloadReader;
import dev.aiinfra.observability.render.ObservationRenderer;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import dev.aiinfra.serving.render.deploy.PlannedDeployment;
import dev.aiinfra.serving.render.deploy.ServingBundle;
import dev.aiinfra.serving.render.deploy.ServingRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Qwen3-32B-FP8 disaggregated deployment (AIConfigurator's README case, 32 H200, TTFT ≤ 300 ms,
 * TPOT ≤ 10 ms), the planner's best disaggregated configuration on TensorRT-LLM, with what watches and scales it: a PodMonitor per
 * role, the GPU, gang and restart rules, the serving SLO rules (p90/p99 per role, multi-window
 * burn-rate alerts on the SLA's limits, read from the Dynamo frontend's histograms) and a KEDA ScaledObject per role wired to the SLO
 * autoscaler's thresholds. Prints the objects and a table of what was generated and why.
 */
public final class ObservedServingExample {
  private ObservedServingExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The SLA the deployment is planned for and watched against. */
  public static ServingSla sla() {
    return ServingSla.of(300, 10);
  }

  /** The plan's best disaggregated configuration as llm-d-style prefill and decode LeaderWorkerSets. */
  public static ServingDeployment deployment() {
    PdCatalog catalog = PdCatalog.builtin();
    PlanRequest request = PlanRequest.builder()
        .model(catalog.model("Qwen/Qwen3-32B-FP8").orElseThrow())
        .gpu(catalog.gpu("h200_sxm").orElseThrow())
        .totalGpus(32)
        .traffic(Traffic.builder().inputTokens(4000).outputTokens(500).prefixTokens(500).build())
        .sla(sla())
        .build();
    PdPlan plan = PdPlanner.plan(request);
    return PlannedDeployment.from(plan, plan.bestDisaggregated().orElseThrow()).name("qwen3").namespace("serving").build();
  }

  /** Each role's autoscaler: queue depth and KV-cache use, 1 to 16 replicas, p90 TTFT against the SLA. */
  public static AutoscalerSpec autoscaler() {
    return AutoscalerSpec.builder().minReplicas(1).maxReplicas(16).queueDepthPerReplica(16).kvCacheUtilisation(0.85).kvCacheCapacityPerReplica(1)
        .ttftSloMs(sla().ttftMs()).startupSeconds(180).build();
  }

  /** The deployment's objects and what observability adds to them, read back from the rendered objects as `observe render` would. */
  public static ObservationRenderer.Rendered observation() {
    ServingBundle bundle = ServingRenderer.render(deployment());
    ObservedWorkloads observed = ObservedWorkloadReader.read(bundle.manifests().objects());
    return ObservationRenderer.render(observed, ObservationOptions.builder().sla(sla()).autoscaler(autoscaler()).build());
  }

  /** The deployment, its monitors, rules and ScaledObjects. */
  public static ManifestBundle manifests() {
    List<HasMetadata> all = new ArrayList<>(ServingRenderer.render(deployment()).manifests().objects());
    all.addAll(observation().objects());
    return ManifestBundle.of(all);
  }

  /** What was generated, the SLO's alerts and the notes on what had to be adjusted. */
  public static List<String> findings() {
    List<String> out = new ArrayList<>();
    ObservationRenderer.Rendered r = observation();
    for (PlanEntry e : r.entries()) {
      out.add(e.kind() + " " + e.name() + ": " + e.why());
    }
    ServingSloRules.Result slo = ServingSloRules.of(ServingSlo.of(deployment(), sla()));
    out.add("SLO alerts: " + String.join(", ", slo.rules().alerts().stream().map(AlertRule::alert).toList()));
    for (Diagnostic d : slo.diagnostics()) {
      out.add(d.code() + ": " + d.message());
    }
    return out;
  }

  static void run(PrintStream out) {
    out.println("# Qwen/Qwen3-32B-FP8 on TensorRT-LLM, prefill/decode disaggregated; SLA TTFT <= 300 ms, TPOT <= 10 ms");
    findings().forEach(f -> out.println("# " + f));
    out.print(manifests().toYaml());
  }
}
