package dev.aiinfra.core.model.dns;

import java.util.Optional;
import org.immutables.value.Value;

/** One resolver option ({@code PodDNSConfigOption}): {@code ndots:2}, {@code edns0}. */
@Value.Immutable
public abstract class DnsOption {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract Optional<String> value();

  public static DnsOption of(String name) {
    return ImmutableDnsOption.of(name, Optional.empty());
  }

  public static DnsOption of(String name, String value) {
    return ImmutableDnsOption.of(name, Optional.of(value));
  }

  /** Parses resolv.conf notation: {@code ndots:5} or {@code rotate}. */
  public static DnsOption parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? of(text) : of(text.substring(0, colon), text.substring(colon + 1));
  }

  /** resolv.conf notation: {@code name:value}, or {@code name} when there is no value. */
  @Override
  public String toString() {
    return value().filter(v -> !v.isEmpty()).map(v -> name() + ":" + v).orElse(name());
  }
}
