package dev.aiinfra.sandbox.model.agent;

import java.util.Optional;
import org.immutables.value.Value;

/** An environment variable a claim injects ({@code spec.env[]}); the first container when no container is named. */
@Value.Immutable
public abstract class ClaimEnv {
  public abstract String name();

  public abstract String value();

  public abstract Optional<String> containerName();

  public static ClaimEnv of(String name, String value) {
    return builder().name(name).value(value).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ClaimEnv}. */
  public static final class Builder extends ImmutableClaimEnv.Builder {}
}
