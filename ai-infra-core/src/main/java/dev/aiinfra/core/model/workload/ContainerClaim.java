package dev.aiinfra.core.model.workload;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container's {@code resources.claims[]} entry: the pod claim it uses and, optionally, just one of
 * that claim's requests (so two containers can split one claim's devices).
 */
@Value.Immutable
public abstract class ContainerClaim {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract Optional<String> request();

  public static ContainerClaim of(String name) {
    return ImmutableContainerClaim.of(name, Optional.empty());
  }

  public static ContainerClaim of(String name, String request) {
    return ImmutableContainerClaim.of(name, Optional.of(request));
  }
}
