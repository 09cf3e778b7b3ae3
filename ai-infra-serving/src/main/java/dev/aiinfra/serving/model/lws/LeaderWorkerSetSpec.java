package dev.aiinfra.serving.model.lws;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.PodTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A LeaderWorkerSet ({@code leaderworkerset.x-k8s.io/v1}, KEP-free SIG Apps subproject): {@code
 * replicas} groups of {@code size} pods, one leader and {@code size − 1} workers, each group
 * created and restarted as a unit. Validation follows the LWS webhook; the helpers give the names,
 * labels and environment the controller and pod webhook assign, so templates can refer to them.
 */
@Value.Immutable
public abstract class LeaderWorkerSetSpec implements WithLeaderWorkerSetSpec {
  private static final Pattern INT_OR_PERCENT = Pattern.compile("[0-9]+%?");

  /** A DNS-1035 label: it also names the headless Service. */
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  /** Number of groups. */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** Pods per group, leader included. */
  @Value.Default
  public int size() {
    return 1;
  }

  /** The leader's template; the worker template is used for the leader when absent. */
  public abstract Optional<PodTemplate> leaderTemplate();

  public abstract PodTemplate workerTemplate();

  @Value.Default
  public LwsRestartPolicy restartPolicy() {
    return LwsRestartPolicy.RecreateGroupOnPodRestart;
  }

  @Value.Default
  public StartupPolicy startupPolicy() {
    return StartupPolicy.LeaderCreated;
  }

  public abstract Optional<SubGroupPolicy> subGroupPolicy();

  public abstract Optional<RollingUpdate> rollingUpdate();

  public abstract Optional<SubdomainPolicy> subdomainPolicy();

  /** Node label key: one group per topology domain (annotation {@code leaderworkerset.sigs.k8s.io/exclusive-topology}). */
  public abstract Optional<String> exclusiveTopology();

  /** Node label key: one sub-group per topology domain; needs a sub-group policy. */
  public abstract Optional<String> subGroupExclusiveTopology();

  /** Fields the typed model does not cover, merged into {@code spec}. */
  public abstract Map<String, Object> extraFields();

  public static Builder builder() {
    return new Builder();
  }

  /** The leader pod of group {@code group}: {@code <name>-<group>}. */
  public String leaderPodName(int group) {
    return name() + "-" + group;
  }

  /** Worker {@code worker} (1 … size−1) of group {@code group}: {@code <name>-<group>-<worker>}. */
  public String workerPodName(int group, int worker) {
    return name() + "-" + group + "-" + worker;
  }

  /** {@code LWS_LEADER_ADDRESS} of group {@code group}: {@code <name>-<group>.<subdomain>.<namespace>}. */
  public String leaderAddress(int group) {
    String subdomain = subdomainPolicy().orElse(SubdomainPolicy.Shared) == SubdomainPolicy.UniquePerReplica ? name() + "-" + group : name();
    return leaderPodName(group) + "." + subdomain + "." + namespace();
  }

  /** The environment the pod webhook puts first in every container of a pod. */
  public Map<String, String> podEnvironment(int group, int worker) {
    return Map.of(
        PodIndexKeys.ENV_LWS_LEADER_ADDRESS, leaderAddress(group),
        PodIndexKeys.ENV_LWS_GROUP_SIZE, String.valueOf(size()),
        PodIndexKeys.ENV_LWS_WORKER_INDEX, String.valueOf(worker));
  }

  /** The sub-group of worker {@code worker}, as the webhook's {@code getSubGroupIndex} computes it. */
  public Optional<Integer> subGroupIndex(int worker) {
    return subGroupPolicy().map(p -> {
      int n = p.size();
      if ((size() - 1) % n == 0 && size() % n != 0) {
        return (worker - 1) / n;
      }
      return worker / n;
    });
  }

  /** Label selector of a group's pods. */
  public Map<String, String> groupSelector(int group) {
    return Map.of(PodIndexKeys.LWS_NAME, name(), PodIndexKeys.LWS_GROUP_INDEX, String.valueOf(group));
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1035Label(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    if (replicas() < 0 || replicas() > 1_000_000) {
      v.invalid(FieldPath.of("spec.replicas"), replicas(), "must be between 0 and 1000000");
    }
    if (size() < 1) {
      v.invalid(FieldPath.of("spec.leaderWorkerTemplate.size"), size(), "must be at least 1");
    }
    if ((long) replicas() * size() > Integer.MAX_VALUE) {
      v.invalid(FieldPath.of("spec.replicas"), replicas(), "replicas × size must not exceed " + Integer.MAX_VALUE);
    }
    subGroupPolicy().ifPresent(p -> {
      FieldPath path = FieldPath.of("spec.leaderWorkerTemplate.subGroupPolicy.subGroupSize");
      int n = p.size();
      if (n < 1 || n > size()) {
        v.invalid(path, n, "must be between 1 and size (" + size() + ")");
      } else if (p.type() == SubGroupPolicy.Type.LeaderExcluded && (size() - 1) % n != 0) {
        v.invalid(path, n, "with LeaderExcluded, size - 1 (" + (size() - 1) + ") must be a multiple of subGroupSize");
      } else if (size() % n != 0 && (size() - 1) % n != 0) {
        v.invalid(path, n, "size (" + size() + ") or size - 1 must be a multiple of subGroupSize");
      }
    });
    if (subGroupExclusiveTopology().isPresent() && subGroupPolicy().isEmpty()) {
      v.invalid(FieldPath.of("metadata.annotations[" + PodIndexKeys.LWS_SUBGROUP_EXCLUSIVE_TOPOLOGY + "]"), subGroupExclusiveTopology().get(),
          "needs spec.leaderWorkerTemplate.subGroupPolicy.subGroupSize");
    }
    exclusiveTopology().ifPresent(t -> v.checkName(FieldPath.of("metadata.annotations[" + PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY + "]"), t, NameRules.qualifiedName(t)));
    rollingUpdate().ifPresent(r -> {
      FieldPath base = FieldPath.of("spec.rolloutStrategy.rollingUpdateConfiguration");
      r.partition().filter(p -> p < 0).ifPresent(p -> v.invalid(base.child("partition"), p, "must not be negative"));
      r.maxUnavailable().filter(m -> !INT_OR_PERCENT.matcher(m).matches())
          .ifPresent(m -> v.invalid(base.child("maxUnavailable"), m, "must be a non-negative integer or percentage"));
      r.maxSurge().filter(m -> !INT_OR_PERCENT.matcher(m).matches())
          .ifPresent(m -> v.invalid(base.child("maxSurge"), m, "must be a non-negative integer or percentage"));
      boolean unavailableZero = r.maxUnavailable().map(m -> m.replace("%", "").matches("0+")).orElse(false);
      boolean surgeZero = r.maxSurge().map(m -> m.replace("%", "").matches("0+")).orElse(true);
      if (unavailableZero && surgeZero) {
        v.invalid(base.child("maxUnavailable"), r.maxUnavailable().get(), "must not be 0 when maxSurge is 0");
      }
    });
    v.throwIfAny();
  }

  /** Builder for {@link LeaderWorkerSetSpec}. */
  public static final class Builder extends ImmutableLeaderWorkerSetSpec.Builder {}
}
