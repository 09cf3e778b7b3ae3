package dev.aiinfra.observability.render.autoscale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.policy.autoscale.ScalerTriggers;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.render.autoscale.HpaRenderer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders an {@link AutoscalerSpec} as a KEDA {@code keda.sh/v1alpha1} ScaledObject for a
 * LeaderWorkerSet or Deployment: Prometheus triggers from {@link ScalerTriggers} (every metadata
 * value a string, as KEDA requires), {@code minReplicaCount} and {@code maxReplicaCount} from the
 * spec (KEDA itself does the 0↔1 step, so scale to zero needs no HPA feature gate), and {@code
 * advanced.horizontalPodAutoscalerConfig.behavior} taken from the HPA that {@link HpaRenderer}
 * renders for the same spec, so both paths share one set of windows, steps and tolerances.
 *
 * <p>What the generated HPA cannot express comes back as diagnostics: the cooldown after a
 * scale-up, the tolerance feature gate, a latency trigger's proportional scale-down, and a target
 * with no scale subresource (no ScaledObject is rendered then).
 */
public final class ScaledObjectRenderer {
  /** The Prometheus server of kube-prometheus-stack's default install. */
  public static final String DEFAULT_SERVER = "http://prometheus-operated.monitoring.svc:9090";
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ScaledObjectRenderer() {}

  /** The ScaledObject (absent when the target cannot be scaled), its triggers, and the notes. */
  public record RenderedScaler(Optional<HasMetadata> scaledObject, List<ScalerTrigger> triggers, List<Diagnostic> diagnostics) {
    public RenderedScaler {
      triggers = List.copyOf(triggers);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public static RenderedScaler render(AutoscalerSpec a, ServingEngine engine, ScaleTarget target, String serverAddress) {
    List<Diagnostic> notes = new ArrayList<>();
    if (!target.scalable()) {
      notes.add(Diagnostic.builder().code(ObservabilityCode.SCALER_TARGET_NOT_SCALABLE.name()).severity(Severity.ERROR)
          .path(target.kind() + " " + target.namespace() + "/" + target.name())
          .message(target.kind() + " has no /scale subresource, so neither KEDA nor an HPA can resize it; no ScaledObject is rendered")
          .hint("render the serving deployment in the lws style (one LeaderWorkerSet per role) to autoscale each role").build());
      return new RenderedScaler(Optional.empty(), List.of(), notes);
    }
    List<ScalerTrigger> triggers = ScalerTriggers.of(a, engine, target);
    HpaRenderer.RenderedHpa hpa = HpaRenderer.render(a, "keda-hpa-" + target.name(), target.namespace(), target.apiVersion(), target.kind(), target.name());
    for (Diagnostic d : hpa.diagnostics()) {
      // KEDA renders the latency signals and does the 0↔1 step itself; what else the HPA lacks, the ScaledObject lacks too.
      if (ServingCode.AUTOSCALE_HPA_NO_COOLDOWN.matches(d) || ServingCode.AUTOSCALE_HPA_TOLERANCE_GATE.matches(d)) {
        notes.add(d);
      }
    }
    if (a.ttftSloMs().isPresent() || a.tpotSloMs().isPresent()) {
      notes.add(Diagnostic.builder().code(ObservabilityCode.SCALER_LATENCY_SCALES_DOWN.name()).severity(Severity.WARNING)
          .message("the HPA scales a latency trigger in proportion both ways: latency well under the SLO asks for fewer replicas, "
              + "where the SLO autoscaler only holds; the queue-depth and KV-cache triggers, when set, keep the fleet from shrinking below the load")
          .hint("set queueDepthPerReplica or kvCacheUtilisation alongside TTFT/TPOT").build());
    }
    if (a.minReplicas() == 0) {
      notes.add(Diagnostic.builder().code(ObservabilityCode.SCALER_ZERO_NEEDS_GATEWAY_SIGNAL.name()).severity(Severity.WARNING)
          .message("at zero replicas no engine pod exports queue depth, KV cache or latency, so these triggers read 0 and cannot wake the workload")
          .hint("add a trigger on a signal that exists without engine pods, such as the endpoint picker's llm_d_epp_flow_control_pool_saturation, or keep minReplicas at 1")
          .build());
    }
    ObjectNode spec = F.objectNode();
    spec.putObject("scaleTargetRef").put("apiVersion", target.apiVersion()).put("kind", target.kind()).put("name", target.name());
    spec.put("minReplicaCount", a.minReplicas()).put("maxReplicaCount", a.maxReplicas());
    if (a.minReplicas() == 0) {
      // Without an active trigger for this long, KEDA scales 0 ← 1; the scale-down window is the spec's.
      spec.put("cooldownPeriod", (int) Math.round(a.scaleDownStabilisationSeconds()));
    }
    ObjectNode hpaConfig = spec.putObject("advanced").putObject("horizontalPodAutoscalerConfig").put("name", "keda-hpa-" + target.name());
    @SuppressWarnings("unchecked")
    Map<String, Object> hpaSpec = (Map<String, Object>) ((GenericKubernetesResource) hpa.hpa()).getAdditionalProperties().get("spec");
    hpaConfig.set("behavior", JSON.valueToTree(hpaSpec.get("behavior")));
    ArrayNode ts = spec.putArray("triggers");
    for (ScalerTrigger t : triggers) {
      ObjectNode n = ts.addObject().put("type", "prometheus").put("name", t.name()).put("metricType", t.metricType().kubernetesName());
      n.putObject("metadata").put("serverAddress", serverAddress).put("query", t.query()).put("threshold", ScalerTriggers.threshold(t.threshold()));
    }
    GenericKubernetesResource so = new GenericKubernetesResource();
    so.setApiVersion("keda.sh/v1alpha1");
    so.setKind("ScaledObject");
    Map<String, String> labels = new TreeMap<>();
    labels.put("app.kubernetes.io/managed-by", "ai-infra");
    target.role().ifPresent(r -> labels.put("llm-d.ai/role", r));
    so.setMetadata(new ObjectMetaBuilder().withName(target.name()).withNamespace(target.namespace()).withLabels(labels).build());
    so.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return new RenderedScaler(Optional.of(so), triggers, notes);
  }
}
