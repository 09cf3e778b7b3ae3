package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A gang in typed form, rendered for whichever gang implementation the cluster runs ({@link
 * GangTarget}): a name (the Workload's), a namespace, 1 to 8 pod groups, target options (Kueue
 * queue, Volcano queue, coscheduling timeout and scheduler name), and extra raw fields merged into
 * the rendered Workload/PodGroup objects. KEP-4671 (Workload API), KEP-5732 (topology), KEP-5710
 * (workload-aware preemption). Building it checks the pod groups too, and lists every violation
 * at its full path ({@code spec.podGroupTemplates[1].name}).
 */
@Value.Immutable
public abstract class GangSpec implements WithGangSpec {
  /** {@code WorkloadMaxPodGroups}. */
  public static final int MAX_POD_GROUPS = 8;

  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract List<PodGroupSpec> podGroups();

  /** Kueue LocalQueue ({@code kueue.x-k8s.io/queue-name}). */
  public abstract Optional<String> queueName();

  /** Volcano queue ({@code spec.queue}); Volcano's default is {@code default}. */
  public abstract Optional<String> volcanoQueue();

  /** Coscheduling {@code scheduleTimeoutSeconds}. */
  public abstract Optional<Integer> scheduleTimeoutSeconds();

  /** The secondary scheduler running coscheduling (the Helm chart's default name). */
  @Value.Default
  public String coschedulingSchedulerName() {
    return "scheduler-plugins-scheduler";
  }

  /** Raw fields merged into every rendered gang object ({@code spec.*} and so on); conflicts fail loudly. */
  public abstract Map<String, Object> extraFields();

  public static Builder builder() {
    return new Builder();
  }

  public Optional<PodGroupSpec> podGroup(String name) {
    return podGroups().stream().filter(g -> g.name().equals(name)).findFirst();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    FieldPath groups = FieldPath.of("spec.podGroupTemplates");
    if (podGroups().isEmpty()) {
      v.required(groups, "");
    } else if (podGroups().size() > MAX_POD_GROUPS) {
      v.tooMany(groups, podGroups().size(), MAX_POD_GROUPS);
    }
    v.nested(groups, podGroups());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < podGroups().size(); i++) {
      if (!names.add(podGroups().get(i).name())) {
        v.duplicate(groups.index(i).child("name"), podGroups().get(i).name());
      }
    }
    queueName().ifPresent(q -> v.checkName(FieldPath.of("queueName"), q, NameRules.dns1123Subdomain(q)));
    scheduleTimeoutSeconds().ifPresent(s -> {
      if (s < 1) {
        v.invalid(FieldPath.of("scheduleTimeoutSeconds"), s, "must be at least 1");
      }
    });
    v.throwIfAny();
  }

  /** Builder for {@link GangSpec}. */
  public static final class Builder extends ImmutableGangSpec.Builder {}
}
