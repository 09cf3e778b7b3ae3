package dev.aiinfra.observability.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.observability.model.rules.PromDuration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a {@code MonitoringPlan} generates and the thresholds its alerts use. The defaults are the
 * ones the docs explain; every threshold is configurable.
 */
@Value.Immutable
public abstract class MonitoringOptions {
  /** The families to generate; default all of them. */
  @Value.Default
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  /** Labels on every generated monitor and rule (e.g. {@code release: kube-prometheus-stack}). */
  public abstract Map<String, String> objectLabels();

  /** Namespace of the cluster-wide objects: the PrometheusRules and the dcgm-exporter ServiceMonitor. */
  @Value.Default
  public String rulesNamespace() {
    return "monitoring";
  }

  /** Namespace where dcgm-exporter runs (the GPU Operator's default). */
  @Value.Default
  public String dcgmNamespace() {
    return "gpu-operator";
  }

  /** Labels of the dcgm-exporter Service (the GPU Operator's {@code app: nvidia-dcgm-exporter}). */
  @Value.Default
  public Map<String, String> dcgmServiceLabels() {
    return Map.of("app", "nvidia-dcgm-exporter");
  }

  /** The dcgm-exporter Service port name ({@code gpu-metrics} in the GPU Operator, {@code metrics} in the Helm chart). */
  @Value.Default
  public String dcgmPort() {
    return "gpu-metrics";
  }

  /** A GPU held by a pod is idle below this graphics-engine-active ratio (0–1). */
  @Value.Default
  public double gpuIdleRatio() {
    return 0.05;
  }

  /** Minutes a held GPU must stay idle before the alert fires. */
  @Value.Default
  public int gpuIdleMinutes() {
    return 30;
  }

  /** Framebuffer used/(used+free) above which a GPU is near full. */
  @Value.Default
  public double framebufferFullRatio() {
    return 0.95;
  }

  @Value.Default
  public double gpuTemperatureCelsius() {
    return 85;
  }

  @Value.Default
  public double memoryTemperatureCelsius() {
    return 95;
  }

  /** Power draw above which a GPU alerts (H100 SXM's TDP is 700 W). */
  @Value.Default
  public double gpuPowerWatts() {
    return 700;
  }

  /** A gang with no timeout of its own alerts after this many minutes pending. */
  @Value.Default
  public int gangPendingMinutes() {
    return 15;
  }

  /** Kueue admission wait (p90) above which the alert fires. */
  @Value.Default
  public int admissionWaitMinutes() {
    return 30;
  }

  /** A restarted workload not back to Running after this many minutes alerts. */
  @Value.Default
  public int recoveryMinutes() {
    return 10;
  }

  /** The {@code for} of the sustained alerts (temperature, power, framebuffer). */
  @Value.Default
  public String sustainedFor() {
    return "5m";
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (gpuIdleRatio() <= 0 || gpuIdleRatio() >= 1) {
      v.invalid(FieldPath.of("gpuIdleRatio"), gpuIdleRatio(), "must be between 0 and 1 (a graphics-engine-active ratio)");
    }
    if (framebufferFullRatio() <= 0 || framebufferFullRatio() > 1) {
      v.invalid(FieldPath.of("framebufferFullRatio"), framebufferFullRatio(), "must be in (0, 1]");
    }
    for (String f : new String[] {"gpuIdleMinutes", "gangPendingMinutes", "admissionWaitMinutes", "recoveryMinutes"}) {
      int value = switch (f) {
        case "gpuIdleMinutes" -> gpuIdleMinutes();
        case "gangPendingMinutes" -> gangPendingMinutes();
        case "admissionWaitMinutes" -> admissionWaitMinutes();
        default -> recoveryMinutes();
      };
      if (value < 1) {
        v.invalid(FieldPath.of(f), value, "must be at least 1 minute");
      }
    }
    if (!PromDuration.isValid(sustainedFor())) {
      v.invalid(FieldPath.of("sustainedFor"), sustainedFor(), "must be a Prometheus duration such as 5m");
    }
    v.throwIfAny();
  }

  public static MonitoringOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MonitoringOptions}. */
  public static final class Builder extends ImmutableMonitoringOptions.Builder {}
}
