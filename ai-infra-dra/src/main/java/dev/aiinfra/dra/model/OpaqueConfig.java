package dev.aiinfra.dra.model;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** Driver-specific configuration ({@code config[].opaque}); ignored by allocation, copied into results. */
@Value.Immutable
public abstract class OpaqueConfig {
  /** Requests it applies to; empty for all. */
  public abstract List<String> requests();

  public abstract String driver();

  public abstract Map<String, Object> parameters();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link OpaqueConfig}. */
  public static final class Builder extends ImmutableOpaqueConfig.Builder {}
}
