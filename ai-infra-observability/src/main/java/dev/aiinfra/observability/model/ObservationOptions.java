package dev.aiinfra.observability.model;

import dev.aiinfra.observability.model.autoscale.ScalerKind;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.pd.ServingSla;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What {@code observe render} generates for a set of workloads: the signal families ({@link
 * Signal}), the monitors' options, and for serving workloads the SLA and objective of the SLO
 * rules, the engine (when not read from the containers), the autoscaler and how it is wired.
 */
@Value.Immutable
public abstract class ObservationOptions {
  @Value.Default
  public Set<Signal> signals() {
    return java.util.EnumSet.allOf(Signal.class);
  }

  @Value.Default
  public MonitoringOptions monitoring() {
    return MonitoringOptions.defaults();
  }

  /** The engine of every serving workload; empty = read from each workload's containers. */
  public abstract Optional<ServingEngine> engine();

  @Value.Default
  public ServingSla sla() {
    return ServingSla.builder().build();
  }

  /** The share of requests that must meet the SLA. */
  @Value.Default
  public double objective() {
    return 0.99;
  }

  /** The autoscaler of every serving workload; empty = no scalers even with {@link Signal#AUTOSCALING}. */
  public abstract Optional<AutoscalerSpec> autoscaler();

  @Value.Default
  public ScalerKind scaler() {
    return ScalerKind.KEDA;
  }

  /** The Prometheus the KEDA triggers query. */
  @Value.Default
  public String prometheus() {
    return "http://prometheus-operated.monitoring.svc:9090";
  }

  /** Namespace of prometheus-adapter's rule ConfigMap. */
  @Value.Default
  public String adapterNamespace() {
    return "monitoring";
  }

  public static ObservationOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ObservationOptions}. */
  public static final class Builder extends ImmutableObservationOptions.Builder {}
}
