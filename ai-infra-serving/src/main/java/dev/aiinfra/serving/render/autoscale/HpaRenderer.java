package dev.aiinfra.serving.render.autoscale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the part of an {@link AutoscalerSpec} an {@code autoscaling/v2} HorizontalPodAutoscaler can
 * express, for a scale target such as a LeaderWorkerSet (whose scale subresource selects leader
 * pods):
 *
 * <ul>
 *   <li>per-pod metric targets, divided by the start-up headroom so the HPA scales up as early as
 *       the controller does;
 *   <li>{@code behavior.scaleUp}: no stabilisation, the step limit (or a 10× per 15 s policy when
 *       unbounded), the scale-up tolerance;
 *   <li>{@code behavior.scaleDown}: the stabilisation window, one step per period, and the
 *       tolerance that puts the HPA's scale-down threshold where the controller's is (KEP-4951,
 *       feature gate HPAConfigurableTolerance).
 * </ul>
 *
 * What the HPA cannot express comes back as diagnostics: the cooldown after a scale-up, TTFT/TPOT
 * SLO signals, and scale to zero.
 */
public final class HpaRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private HpaRenderer() {}

  /** The HPA and the notes on what it leaves out. */
  public record RenderedHpa(HasMetadata hpa, List<Diagnostic> diagnostics) {}

  public static RenderedHpa render(AutoscalerSpec a, String name, String namespace, String targetApiVersion, String targetKind, String targetName) {
    List<Diagnostic> notes = new ArrayList<>();
    double h = a.startupHeadroom();
    ObjectNode spec = F.objectNode();
    spec.putObject("scaleTargetRef").put("apiVersion", targetApiVersion).put("kind", targetKind).put("name", targetName);
    int min = a.minReplicas();
    if (min < 1) {
      min = 1;
      notes.add(Diagnostic.builder().code(ServingCode.AUTOSCALE_HPA_MIN_ONE).severity(Severity.WARNING)
          .message("the HPA cannot scale to zero without the HPAScaleToZero feature gate (alpha); minReplicas is rendered as 1").build());
    }
    spec.put("minReplicas", min).put("maxReplicas", a.maxReplicas());
    ArrayNode metrics = spec.putArray("metrics");
    a.queueDepthPerReplica().ifPresent(q -> podsMetric(metrics, a.queueMetric(), q / h));
    a.kvCacheUtilisation().ifPresent(u -> podsMetric(metrics, a.kvCacheMetric(), u / h));
    ObjectNode behavior = spec.putObject("behavior");
    ObjectNode up = behavior.putObject("scaleUp").put("stabilizationWindowSeconds", 0).put("selectPolicy", "Max");
    ArrayNode upPolicies = up.putArray("policies");
    if (a.scaleUpStep().isPresent()) {
      upPolicies.addObject().put("type", "Pods").put("value", a.scaleUpStep().getAsInt()).put("periodSeconds", 15);
    } else {
      upPolicies.addObject().put("type", "Percent").put("value", 1000).put("periodSeconds", 15);
    }
    up.put("tolerance", quantity(a.scaleUpTolerance()));
    ObjectNode down = behavior.putObject("scaleDown").put("stabilizationWindowSeconds", (int) Math.round(a.scaleDownStabilisationSeconds()))
        .put("selectPolicy", "Min");
    down.putArray("policies").addObject().put("type", "Pods").put("value", a.scaleDownStep()).put("periodSeconds", (int) Math.max(1, Math.round(a.scaleDownPeriodSeconds())));
    // The HPA compares against target/h; its scale-down threshold (1 − tol)/h must equal ours, 1 − scaleDownTolerance.
    double downTolerance = Math.max(0, 1 - h * a.scaleDownThreshold());
    down.put("tolerance", quantity(downTolerance));
    notes.add(Diagnostic.builder().code(ServingCode.AUTOSCALE_HPA_TOLERANCE_GATE).severity(Severity.INFO)
        .message("behavior.scaleUp/scaleDown.tolerance needs the HPAConfigurableTolerance feature gate (KEP-4951: alpha in 1.33, beta in 1.35); without it the cluster-wide 0.1 applies")
        .build());
    if (a.scaleDownDelayAfterScaleUpSeconds() > a.scaleDownStabilisationSeconds()) {
      notes.add(Diagnostic.builder().code(ServingCode.AUTOSCALE_HPA_NO_COOLDOWN).severity(Severity.WARNING)
          .message(fmt("the HPA has no cooldown after a scale-up; only the %.0f s scale-down stabilisation window applies, not the %.0f s cooldown",
              a.scaleDownStabilisationSeconds(), a.scaleDownDelayAfterScaleUpSeconds()))
          .hint("run the ai-infra autoscaler, or raise scaleDown.stabilizationWindowSeconds to the cooldown").build());
    }
    if (a.ttftSloMs().isPresent() || a.tpotSloMs().isPresent()) {
      notes.add(Diagnostic.builder().code(ServingCode.AUTOSCALE_HPA_LATENCY_SIGNAL).severity(Severity.WARNING)
          .message("TTFT/TPOT SLO signals are percentiles of histograms; the HPA needs them as External metrics from an adapter (e.g. prometheus-adapter or KEDA), so they are not rendered")
          .build());
    }
    if (a.queueDepthPerReplica().isEmpty() && a.kvCacheUtilisation().isEmpty()) {
      notes.add(Diagnostic.builder().code(ServingCode.AUTOSCALE_HPA_NO_METRICS).severity(Severity.ERROR)
          .message("no per-pod signal to render: the HPA would have no metrics").build());
    }
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("autoscaling/v2");
    r.setKind("HorizontalPodAutoscaler");
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return new RenderedHpa(r, notes);
  }

  private static void podsMetric(ArrayNode metrics, String metric, double averageValue) {
    ObjectNode pods = metrics.addObject().put("type", "Pods").putObject("pods");
    pods.putObject("metric").put("name", metric);
    pods.putObject("target").put("type", "AverageValue").put("averageValue", quantity(averageValue));
  }

  /** A Kubernetes quantity with milli precision: {@code 0.1} → {@code 100m}, {@code 8} → {@code 8}. */
  static String quantity(double v) {
    BigDecimal milli = BigDecimal.valueOf(v).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP);
    if (milli.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
      return milli.divide(BigDecimal.valueOf(1000)).toPlainString();
    }
    return milli.toPlainString() + "m";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
