package dev.aiinfra.observability.model.monitor;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.observability.model.rules.PromDuration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One scrape endpoint of a monitor: a {@code podMetricsEndpoints[]} entry of a PodMonitor (where
 * {@code port} is the container port name) or an {@code endpoints[]} entry of a ServiceMonitor
 * (where it is the Service port name).
 */
@Value.Immutable
public abstract class ScrapeEndpoint {
  public abstract String port();

  @Value.Default
  public String path() {
    return "/metrics";
  }

  /** {@code http} or {@code https}; empty = the operator's default (http). */
  public abstract Optional<String> scheme();

  public abstract Optional<String> interval();

  public abstract Optional<String> scrapeTimeout();

  /**
   * Whether the exporter's own labels win over the target's (dcgm-exporter's {@code pod},
   * {@code namespace}, {@code container} name the GPU's workload, not the exporter pod).
   */
  @Value.Default
  public boolean honorLabels() {
    return false;
  }

  /** Target relabelings, applied after the operator's own (selector, namespace/pod/container, job). */
  public abstract List<Relabeling> relabelings();

  /** Relabelings applied to every scraped sample. */
  public abstract List<Relabeling> metricRelabelings();

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (port().isBlank()) {
      v.required(FieldPath.of("port"), "the port name to scrape");
    }
    interval().filter(d -> !PromDuration.isValid(d)).ifPresent(d -> v.invalid(FieldPath.of("interval"), d, "must be a Prometheus duration such as 30s"));
    scrapeTimeout().filter(d -> !PromDuration.isValid(d)).ifPresent(d -> v.invalid(FieldPath.of("scrapeTimeout"), d, "must be a Prometheus duration such as 10s"));
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ScrapeEndpoint}. */
  public static final class Builder extends ImmutableScrapeEndpoint.Builder {}
}
