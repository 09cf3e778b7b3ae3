package dev.aiinfra.core.cluster;

import java.util.List;
import org.immutables.value.Value;

/** Per-object outcomes of an apply, in bundle order. */
@Value.Immutable
public abstract class ApplyReport {
  public abstract List<ApplyOutcome> objects();

  /** True when nothing failed (and so nothing was skipped). */
  public boolean succeeded() {
    return objects().stream().noneMatch(o -> o.result() == ApplyResult.FAILED);
  }

  public long count(ApplyResult result) {
    return objects().stream().filter(o -> o.result() == result).count();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ApplyReport}. */
  static final class Builder extends ImmutableApplyReport.Builder {}
}
