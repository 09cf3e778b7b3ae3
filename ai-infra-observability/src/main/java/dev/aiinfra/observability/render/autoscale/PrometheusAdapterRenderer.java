package dev.aiinfra.observability.render.autoscale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.engine.ServingLabels;
import dev.aiinfra.observability.policy.autoscale.ScalerTriggers;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.render.autoscale.HpaRenderer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The alternative to KEDA: prometheus-adapter ({@code docs/config.md} @ v0.12.0) rules that serve
 * the engine's queue depth and KV-cache utilisation as the per-pod custom metrics the HPA of
 * {@link HpaRenderer} reads (under the HPA's own metric names), and TTFT / TPOT quantiles as
 * external metrics; plus that HPA with the latency metrics added as {@code External} targets, so
 * the adapter path scales on every signal the KEDA path does.
 */
public final class PrometheusAdapterRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PrometheusAdapterRenderer() {}

  /** The adapter's rule file (in a ConfigMap), the HPA that reads its metrics, and the notes. */
  public record RenderedAdapter(HasMetadata rules, HasMetadata hpa, List<Diagnostic> diagnostics) {
    public RenderedAdapter {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The external metric name of a latency trigger, e.g. {@code serving_ttft_seconds_p90}. */
  public static String externalMetric(String trigger) {
    return "serving_" + trigger + "_seconds_p90";
  }

  public static RenderedAdapter render(AutoscalerSpec a, ServingEngine engine, ScaleTarget target, String adapterNamespace) {
    List<Diagnostic> notes = new ArrayList<>();
    ObjectNode config = F.objectNode();
    ArrayNode rules = config.putArray("rules");
    a.queueDepthPerReplica().ifPresent(q -> rules.add(podRule(engine.queueDepth(), a.queueMetric(), "sum")));
    a.kvCacheUtilisation().ifPresent(u -> rules.add(podRule(engine.kvCacheUtilisation(), a.kvCacheMetric(), "avg")));
    ArrayNode external = config.putArray("externalRules");
    a.ttftSloMs().ifPresent(t -> external.add(latencyRule(engine.ttft().bucket(), externalMetric("ttft"))));
    a.tpotSloMs().ifPresent(t -> external.add(latencyRule(engine.interTokenLatency().bucket(), externalMetric("tpot"))));
    HasMetadata configMap = new ConfigMapBuilder().withNewMetadata().withName(target.name() + "-adapter-rules").withNamespace(adapterNamespace)
        .addToLabels("app.kubernetes.io/managed-by", "ai-infra").endMetadata()
        .addToData("config.yaml", ManifestWriter.yamlOf(config)).build();
    notes.add(Diagnostic.builder().code(ObservabilityCode.SCALER_ADAPTER_ONE_CONFIG.name()).severity(Severity.INFO)
        .message("prometheus-adapter reads one rule file: merge these rules into the adapter's config (its --config file) rather than applying a second ConfigMap")
        .build());

    HpaRenderer.RenderedHpa hpa = HpaRenderer.render(a, target.name(), target.namespace(), target.apiVersion(), target.kind(), target.name());
    GenericKubernetesResource h = (GenericKubernetesResource) hpa.hpa();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) h.getAdditionalProperties().get("spec"));
    @SuppressWarnings("unchecked")
    List<Object> metrics = new ArrayList<>((List<Object>) spec.getOrDefault("metrics", List.of()));
    a.ttftSloMs().ifPresent(t -> metrics.add(externalMetric(target, externalMetric("ttft"), t / 1000)));
    a.tpotSloMs().ifPresent(t -> metrics.add(externalMetric(target, externalMetric("tpot"), t / 1000)));
    spec.put("metrics", metrics);
    h.setAdditionalProperty("spec", spec);
    for (Diagnostic d : hpa.diagnostics()) {
      // The latency signals are wired here as External metrics; everything else the HPA lacks still holds.
      if (!ServingCode.AUTOSCALE_HPA_LATENCY_SIGNAL.matches(d) && !(ServingCode.AUTOSCALE_HPA_NO_METRICS.matches(d) && metrics.size() > 0)) {
        notes.add(d);
      }
    }
    return new RenderedAdapter(configMap, h, notes);
  }

  private static ObjectNode podRule(String series, String hpaMetric, String aggregation) {
    ObjectNode r = F.objectNode();
    r.put("seriesQuery", series + "{namespace!=\"\",pod!=\"\"}");
    ObjectNode overrides = r.putObject("resources").putObject("overrides");
    overrides.putObject("namespace").put("resource", "namespace");
    overrides.putObject("pod").put("resource", "pod");
    r.putObject("name").put("matches", "^" + series + "$").put("as", hpaMetric);
    r.put("metricsQuery", aggregation + "(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)");
    return r;
  }

  private static ObjectNode latencyRule(String bucket, String name) {
    ObjectNode r = F.objectNode();
    r.put("seriesQuery", bucket + "{namespace!=\"\"}");
    r.putObject("resources").putObject("overrides").putObject("namespace").put("resource", "namespace");
    r.putObject("name").put("matches", "^" + bucket + "$").put("as", name);
    r.put("metricsQuery", "histogram_quantile(0.9, sum by (le) (rate(<<.Series>>{<<.LabelMatchers>>}[" + ScalerTriggers.LATENCY_WINDOW + "]))) > 0 or vector(0)");
    return r;
  }

  private static Map<String, Object> externalMetric(ScaleTarget target, String name, double seconds) {
    ObjectNode m = F.objectNode().put("type", "External");
    ObjectNode ext = m.putObject("external");
    ObjectNode metric = ext.putObject("metric").put("name", name);
    metric.putObject("selector").putObject("matchLabels").put(ServingLabels.WORKLOAD, target.name());
    ext.putObject("target").put("type", "Value").put("value", milli(seconds));
    return JSON.convertValue(m, Map.class);
  }

  /** A Kubernetes quantity in milli units when fractional, as the HPA renderer writes its targets: {@code 0.3} → {@code 300m}. */
  static String milli(double v) {
    BigDecimal m = BigDecimal.valueOf(v).movePointRight(3).setScale(0, RoundingMode.HALF_UP);
    return m.remainder(BigDecimal.valueOf(1000)).signum() == 0 ? m.movePointLeft(3).setScale(0, RoundingMode.UNNECESSARY).toPlainString() : m.toPlainString() + "m";
  }
}
