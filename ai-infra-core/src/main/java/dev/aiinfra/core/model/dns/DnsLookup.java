package dev.aiinfra.core.model.dns;

import org.immutables.value.Value;

/**
 * A name a workload looks up, and where it is expected to resolve: an external name as written
 * ({@code api.openai.com}), or an in-cluster Service name that needs the search list
 * ({@code redis.cache} resolving to {@code redis.cache.svc.cluster.local}).
 */
@Value.Immutable
public abstract class DnsLookup {
  /** Whether the name is expected to exist as written, or through Kubernetes Service DNS. */
  public enum Scope {
    EXTERNAL,
    IN_CLUSTER
  }

  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract Scope scope();

  public static DnsLookup external(String name) {
    return ImmutableDnsLookup.of(name, Scope.EXTERNAL);
  }

  public static DnsLookup inCluster(String name) {
    return ImmutableDnsLookup.of(name, Scope.IN_CLUSTER);
  }

  @Value.Check
  protected void check() {
    if (name().isEmpty() || name().length() > 253 || name().contains(" ")) {
      throw new dev.aiinfra.core.model.InvalidSpecException(
          java.util.List.of(
              dev.aiinfra.core.model.FieldViolation.invalid(
                  dev.aiinfra.core.model.FieldPath.of("name"),
                  name(),
                  "must be a host name of 1 to 253 characters without spaces")));
    }
  }
}
