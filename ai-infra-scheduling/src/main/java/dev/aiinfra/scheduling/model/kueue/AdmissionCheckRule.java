package dev.aiinfra.scheduling.model.kueue;

import java.util.List;
import org.immutables.value.Value;

/**
 * One admission check a ClusterQueue requires ({@code admissionChecksStrategy.admissionChecks[]}):
 * the AdmissionCheck's name and the flavors it runs for (all flavors when empty).
 */
@Value.Immutable
public abstract class AdmissionCheckRule implements WithAdmissionCheckRule {
  public abstract String name();

  public abstract List<String> onFlavors();

  public static Builder builder() {
    return new Builder();
  }

  /** A check that runs for every flavor. */
  public static AdmissionCheckRule of(String name) {
    return builder().name(name).build();
  }

  /** Builder for {@link AdmissionCheckRule}. */
  public static final class Builder extends ImmutableAdmissionCheckRule.Builder {}
}
