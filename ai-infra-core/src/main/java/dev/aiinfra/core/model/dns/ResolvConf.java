package dev.aiinfra.core.model.dns;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The content of a container's {@code /etc/resolv.conf}: nameservers, the search list and options,
 * as the kubelet writes it (CRI {@code DNSConfig}).
 */
@Value.Immutable
public abstract class ResolvConf implements WithResolvConf {
  /** glibc and musl both cap ndots at 15. */
  public static final int MAX_NDOTS = 15;

  public abstract List<String> nameservers();

  public abstract List<String> searches();

  public abstract List<DnsOption> options();

  public static Builder builder() {
    return new Builder();
  }

  public static ResolvConf empty() {
    return builder().build();
  }

  /** The last {@code name} option, as resolvers apply options in order. */
  public Optional<DnsOption> option(String name) {
    return options().stream().filter(o -> o.name().equals(name)).reduce((a, b) -> b);
  }

  /** The ndots a stub resolver uses: the option's value capped at 15, else 1. */
  public int ndots() {
    return option("ndots").flatMap(DnsOption::value).map(ResolvConf::parseNdots).orElse(1);
  }

  private static int parseNdots(String value) {
    try {
      return Math.max(0, Math.min(MAX_NDOTS, Integer.parseInt(value.trim())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The file text in the kubelet's layout: nameserver lines, one search line, one options line. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (String ns : nameservers()) {
      out.append("nameserver ").append(ns).append('\n');
    }
    if (!searches().isEmpty()) {
      out.append("search ").append(String.join(" ", searches())).append('\n');
    }
    if (!options().isEmpty()) {
      out.append("options");
      for (DnsOption o : options()) {
        out.append(' ').append(o);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Builder for {@link ResolvConf}. */
  public static final class Builder extends ImmutableResolvConf.Builder {}
}
