package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.SpecPart;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One pod group of a gang (Workload {@code podGroupTemplates[]}, a Volcano or coscheduling
 * PodGroup, a Kueue pod group): a DNS-label name, the policy ({@code basic}, or {@code gang} with
 * minCount), an optional topology request (native gangs: required only, one level), and the
 * workload-aware preemption settings. Validated by the {@link GangSpec} that holds it, so that
 * building a gang lists every pod group's violations at its full path ({@code
 * spec.podGroupTemplates[1].schedulingPolicy.gang.minCount}); {@link #violations()} checks one on
 * its own.
 */
@Value.Immutable
public abstract class PodGroupSpec implements WithPodGroupSpec, SpecPart {
  /** Maximum claims per pod group ({@code MaxPodGroupResourceClaims}). */
  public static final int MAX_RESOURCE_CLAIMS = 4;

  public abstract String name();

  /** Gang when set: at least this many pods must be placed together; basic when empty. */
  public abstract Optional<Integer> minCount();

  public abstract Optional<TopologyRequest> topology();

  public abstract Optional<String> priorityClassName();

  public abstract Optional<Integer> priority();

  public abstract Optional<DisruptionMode> disruptionMode();

  public abstract List<PodGroupClaim> resourceClaims();

  public static Builder builder() {
    return new Builder();
  }

  public static PodGroupSpec gang(String name, int minCount) {
    return builder().name(name).minCount(minCount).build();
  }

  public static PodGroupSpec basic(String name) {
    return builder().name(name).build();
  }

  public boolean isGang() {
    return minCount().isPresent();
  }

  @Override
  public List<FieldViolation> violations() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (minCount().isPresent() && minCount().get() < 1) {
      v.invalid(FieldPath.of("schedulingPolicy.gang.minCount"), minCount().get(), "must be greater than or equal to 1");
    }
    if (resourceClaims().size() > MAX_RESOURCE_CLAIMS) {
      v.tooMany(FieldPath.of("resourceClaims"), resourceClaims().size(), MAX_RESOURCE_CLAIMS);
    }
    topology().ifPresent(t -> v.nested(FieldPath.of("topology"), t));
    v.nested(FieldPath.of("resourceClaims"), resourceClaims());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < resourceClaims().size(); i++) {
      if (!names.add(resourceClaims().get(i).name())) {
        v.duplicate(FieldPath.of("resourceClaims").index(i).child("name"), resourceClaims().get(i).name());
      }
    }
    priorityClassName().ifPresent(p -> v.checkName(FieldPath.of("priorityClassName"), p, NameRules.dns1123Subdomain(p)));
    if (priority().isPresent() && priority().get() > 1_000_000_000) {
      v.invalid(FieldPath.of("priority"), priority().get(), "must be no more than 1000000000");
    }
    return v.list();
  }

  /** Builder for {@link PodGroupSpec}. */
  public static final class Builder extends ImmutablePodGroupSpec.Builder {}
}
