package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a stub resolver did for one name: the absolute names it queried, in order (each sent as A
 * and AAAA by {@code getaddrinfo}), the outcome, and the name that answered when one did.
 */
@Value.Immutable
public abstract class Resolution {
  /** Absolute names with the trailing dot, e.g. {@code kubernetes.default.svc.cluster.local.}. */
  public abstract List<String> queries();

  public abstract DnsAnswer result();

  public abstract Optional<String> answeredBy();

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Resolution}. */
  static final class Builder extends ImmutableResolution.Builder {}
}
