package dev.aiinfra.dra.read;

import dev.aiinfra.core.model.workload.PodResourceClaim;
import java.util.List;
import org.immutables.value.Value;

/** A pod's identity and its {@code spec.resourceClaims}, as the allocator needs them. */
@Value.Immutable
public abstract class PodClaims {
  public abstract String name();

  public abstract String namespace();

  public abstract List<PodResourceClaim> claims();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PodClaims}. */
  public static final class Builder extends ImmutablePodClaims.Builder {}
}
