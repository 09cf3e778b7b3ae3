package dev.aiinfra.core.model.dns;

import dev.aiinfra.core.model.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The DNS-relevant part of a pod: namespace (it names the first search domain), {@code dnsPolicy},
 * {@code hostNetwork} and {@code dnsConfig}. Building one checks the API server's
 * {@code dnsConfig} rules ({@link PodDnsRules}) and reports every violation at once.
 */
@Value.Immutable
public abstract class PodDns implements WithPodDns {
  @Value.Default
  public String namespace() {
    return "default";
  }

  @Value.Default
  public DnsPolicy dnsPolicy() {
    return DnsPolicy.ClusterFirst;
  }

  @Value.Default
  public boolean hostNetwork() {
    return false;
  }

  public abstract Optional<PodDnsConfig> dnsConfig();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    var violations = PodDnsRules.validate(this);
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
  }

  /** Builder for {@link PodDns}. */
  public static final class Builder extends ImmutablePodDns.Builder {}
}
