package dev.aiinfra.observability.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.scheduling.model.GangTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * A workload as its monitors see it: kind, name, namespace, the labels every one of its pods
 * carries, the container port (or Service) its metrics are on, how many GPUs each pod holds and
 * which gang implementation schedules it. Built from the SDK's own specs or read from a manifest.
 */
@Value.Immutable
public abstract class MonitoredWorkload {
  public abstract WorkloadKind kind();

  public abstract String name();

  public abstract String namespace();

  /**
   * Labels every pod of the workload carries and no other pod does. Defaults to the controller's
   * name label (JobSet, LeaderWorkerSet, DisaggregatedSet, Indexed Job) or the sandbox name hash;
   * a StatefulSet or Deployment must give its {@code spec.selector.matchLabels}.
   */
  @Value.Default
  public Map<String, String> podSelector() {
    return switch (kind()) {
      case JOBSET -> Map.of(PodLabels.JOBSET_NAME, name());
      case LEADER_WORKER_SET -> Map.of(PodLabels.LWS_NAME, name());
      case DISAGGREGATED_SET -> Map.of(PodLabels.DS_NAME, name());
      case INDEXED_JOB -> Map.of(PodLabels.JOB_NAME, name());
      case SANDBOX -> Map.of(PodLabels.SANDBOX_NAME_HASH, sandboxNameHash(name()));
      case STATEFUL_SET, DEPLOYMENT -> Map.of();
    };
  }

  /** The container port name the metrics are served on. */
  @Value.Default
  public String metricsPort() {
    return "metrics";
  }

  @Value.Default
  public String metricsPath() {
    return "/metrics";
  }

  /**
   * Labels of a Service in front of the pods that exposes {@link #metricsPort()} under the same port
   * name; when set the SDK renders a ServiceMonitor instead of a PodMonitor.
   */
  public abstract Map<String, String> serviceLabels();

  /** Role names: a DisaggregatedSet's roles (prefill, decode), a JobSet's replicatedJobs. */
  public abstract List<String> roles();

  /** GPUs each pod holds (0 = none; GPU rules are then not rendered for it). */
  @Value.Default
  public int gpusPerPod() {
    return 0;
  }

  /** Pods in the workload when it runs in full (for per-gang GPU counts); empty when unknown. */
  public abstract OptionalInt pods();

  /** The gang implementation that schedules it; empty = no gang. */
  public abstract Optional<GangTarget> gang();

  /** Seconds a gang may wait for all its pods before the scheduler gives up (native/coscheduling timeout, Kueue waitForPodsReady). */
  public abstract OptionalInt gangTimeoutSeconds();

  /** Kueue LocalQueue the workload is submitted to. */
  public abstract Optional<String> queueName();

  /** The sorted selector, for stable output. */
  public Map<String, String> sortedPodSelector() {
    return new TreeMap<>(podSelector());
  }

  /**
   * agent-sandbox's {@code NameHash}: FNV-1a 32-bit of the sandbox name as 8 lower-case hex digits,
   * the value of the {@code agents.x-k8s.io/sandbox-name-hash} pod label.
   */
  public static String sandboxNameHash(String name) {
    int h = 0x811c9dc5;
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return String.format("%08x", h);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (name().isBlank()) {
      v.required(FieldPath.of("name"), "the workload's name");
    }
    if (namespace().isBlank()) {
      v.required(FieldPath.of("namespace"), "the workload's namespace");
    }
    if (podSelector().isEmpty()) {
      v.required(FieldPath.of("podSelector"), "the " + kind().kind() + "'s spec.selector.matchLabels: its pods carry no label the SDK can derive");
    }
    if (gpusPerPod() < 0) {
      v.invalid(FieldPath.of("gpusPerPod"), gpusPerPod(), "must not be negative");
    }
    v.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MonitoredWorkload}. */
  public static final class Builder extends ImmutableMonitoredWorkload.Builder {}
}
