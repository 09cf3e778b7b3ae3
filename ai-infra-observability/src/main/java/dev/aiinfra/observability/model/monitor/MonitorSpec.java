package dev.aiinfra.observability.model.monitor;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Prometheus Operator {@code PodMonitor} or {@code ServiceMonitor} (monitoring.coreos.com/v1):
 * which pods (or Services) to scrape, in which namespaces, on which endpoints, with which
 * relabelings. {@code selector} is a {@code matchLabels} on pod labels (PodMonitor) or Service
 * labels (ServiceMonitor).
 */
@Value.Immutable
public abstract class MonitorSpec {
  public abstract MonitorKind kind();

  public abstract String name();

  public abstract String namespace();

  /** Labels on the monitor object (e.g. {@code release} for kube-prometheus-stack's selectors). */
  public abstract Map<String, String> labels();

  public abstract Map<String, String> selector();

  /** Namespaces to look in; empty = the monitor's own namespace. */
  public abstract List<String> namespaces();

  /** Pod labels copied to every target under their sanitised names. */
  public abstract List<String> podTargetLabels();

  /** Pod (or Service) label whose value becomes the {@code job} label. */
  public abstract Optional<String> jobLabel();

  public abstract List<ScrapeEndpoint> endpoints();

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (name().isBlank()) {
      v.required(FieldPath.of("name"), "a monitor name");
    }
    if (selector().isEmpty()) {
      v.required(FieldPath.of("selector"), "at least one label: an empty selector would scrape every pod in the namespace");
    }
    if (endpoints().isEmpty()) {
      v.required(FieldPath.of("endpoints"), "at least one endpoint");
    }
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MonitorSpec}. */
  public static final class Builder extends ImmutableMonitorSpec.Builder {}
}
