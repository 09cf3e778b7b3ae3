package dev.aiinfra.sandbox.model.pss;

import org.immutables.value.Value;

/** {@code securityContext.seLinuxOptions} of a pod or container. */
@Value.Immutable
public abstract class SeLinuxOptionsView {
  @Value.Default
  public String user() {
    return "";
  }

  @Value.Default
  public String role() {
    return "";
  }

  @Value.Default
  public String type() {
    return "";
  }

  @Value.Default
  public String level() {
    return "";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link SeLinuxOptionsView}. */
  public static final class Builder extends ImmutableSeLinuxOptionsView.Builder {}
}
