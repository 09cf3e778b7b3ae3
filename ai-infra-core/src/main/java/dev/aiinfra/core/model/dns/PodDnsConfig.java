package dev.aiinfra.core.model.dns;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod's {@code spec.dnsConfig}: nameservers, search domains and options the kubelet merges into
 * the base resolv.conf chosen by the DNS policy.
 */
@Value.Immutable
public abstract class PodDnsConfig implements WithPodDnsConfig {
  public abstract List<String> nameservers();

  public abstract List<String> searches();

  public abstract List<DnsOption> options();

  public static Builder builder() {
    return new Builder();
  }

  /** The option with that name, if set. */
  public Optional<DnsOption> option(String name) {
    return options().stream().filter(o -> o.name().equals(name)).reduce((first, second) -> second);
  }

  /** A copy with {@code name} set to {@code value}, replacing an earlier value in place. */
  public PodDnsConfig withOptionValue(String name, String value) {
    Builder b = new Builder().from(this).options(List.of());
    boolean replaced = false;
    for (DnsOption o : options()) {
      if (o.name().equals(name)) {
        if (!replaced) {
          b.addOption(DnsOption.of(name, value));
          replaced = true;
        }
      } else {
        b.addOption(o);
      }
    }
    if (!replaced) {
      b.addOption(DnsOption.of(name, value));
    }
    return b.build();
  }

  /** Builder for {@link PodDnsConfig}. */
  public static final class Builder extends ImmutablePodDnsConfig.Builder {}
}
