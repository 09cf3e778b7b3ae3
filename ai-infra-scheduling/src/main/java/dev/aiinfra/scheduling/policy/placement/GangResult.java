package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.GangKind;
import java.util.List;
import org.immutables.value.Value;

/** One gang's outcome: fits or not, how many pods were placed (never fewer than minCount when it fits), and why not. */
@Value.Immutable
public abstract class GangResult {
  public abstract String name();

  public abstract String namespace();

  public abstract GangKind kind();

  public abstract int minCount();

  /** Pods placed: 0 when the gang does not fit (all or nothing); at least minCount when it does. */
  public abstract int placed();

  public abstract boolean fits();

  public abstract List<PodSetResult> podSets();

  public abstract List<Diagnostic> reasons();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GangResult}. */
  public static final class Builder extends ImmutableGangResult.Builder {}
}
