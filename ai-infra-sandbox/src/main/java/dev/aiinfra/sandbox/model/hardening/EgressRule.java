package dev.aiinfra.sandbox.model.hardening;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One allowed egress destination ({@code NetworkPolicyEgressRule}): an IP block, or pods selected by
 * namespace and pod labels, on the given ports (all ports when none).
 */
@Value.Immutable
public abstract class EgressRule implements WithEgressRule {
  /** {@code ipBlock.cidr}, e.g. {@code 10.0.0.0/8} or {@code 0.0.0.0/0}. */
  public abstract Optional<String> cidr();

  /** {@code ipBlock.except}. */
  public abstract List<String> except();

  /** {@code namespaceSelector.matchLabels}; an empty map with {@link #anyNamespace()} selects every namespace. */
  public abstract Map<String, String> namespaceLabels();

  @Value.Default
  public boolean anyNamespace() {
    return false;
  }

  /** {@code podSelector.matchLabels}. */
  public abstract Map<String, String> podLabels();

  public abstract List<Port> ports();

  /** A destination port (or range with {@code endPort}) and protocol. */
  @Value.Immutable
  public abstract static class Port {
    public abstract int port();

    public abstract Optional<Integer> endPort();

    @Value.Default
    public String protocol() {
      return "TCP";
    }

    public static Port tcp(int port) {
      return ImmutablePort.builder().port(port).build();
    }

    public static Port udp(int port) {
      return ImmutablePort.builder().port(port).protocol("UDP").build();
    }

    @Value.Check
    protected void check() {
      Violations v = new Violations();
      if (port() < 1 || port() > 65535) {
        v.invalid(FieldPath.of("port"), port(), "must be between 1 and 65535, inclusive");
      }
      endPort().filter(e -> e < port() || e > 65535).ifPresent(e -> v.invalid(FieldPath.of("endPort"), e, "must be between port and 65535"));
      if (!List.of("TCP", "UDP", "SCTP").contains(protocol())) {
        v.notSupported(FieldPath.of("protocol"), protocol(), List.of("TCP", "UDP", "SCTP"));
      }
      v.throwIfAny();
    }
  }

  /**
   * Any IPv4 address on the internet except private ranges (RFC 1918), shared address space
   * (RFC 6598, used for pod/service ranges and some cloud metadata services) and link-local
   * addresses (the 169.254.169.254 instance metadata endpoint).
   */
  public static EgressRule publicInternet(Port... ports) {
    return builder().cidr("0.0.0.0/0").addExcept("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")
        .addPorts(ports).build();
  }

  /** Any IPv6 address except unique-local ({@code fc00::/7}) and link-local ({@code fe80::/10}) ones. */
  public static EgressRule publicInternetIpv6(Port... ports) {
    return builder().cidr("::/0").addExcept("fc00::/7", "fe80::/10").addPorts(ports).build();
  }

  /** The cluster DNS service ({@code kube-system} pods labelled {@code k8s-app: kube-dns}) on port 53. */
  public static EgressRule clusterDns() {
    return builder().putNamespaceLabel("kubernetes.io/metadata.name", "kube-system").putPodLabel("k8s-app", "kube-dns")
        .addPorts(Port.udp(53), Port.tcp(53)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    boolean peer = namespaceLabels().isEmpty() && podLabels().isEmpty() && !anyNamespace();
    if (cidr().isPresent() && !peer) {
      v.invalid(FieldPath.of("to"), "ipBlock and selectors", "an ipBlock cannot be combined with namespace or pod selectors in one peer");
    }
    if (cidr().isEmpty() && peer) {
      v.required(FieldPath.of("to"), "a destination needs a cidr, namespace labels (or anyNamespace) or pod labels");
    }
    if (cidr().isEmpty() && !except().isEmpty()) {
      v.invalid(FieldPath.of("ipBlock.except"), except(), "needs ipBlock.cidr");
    }
    cidr().filter(c -> !c.matches("[0-9a-fA-F:.]+/[0-9]{1,3}")).ifPresent(c -> v.invalid(FieldPath.of("ipBlock.cidr"), c, "must be a CIDR such as 10.0.0.0/8"));
    v.throwIfAny();
  }

  /** Builder for {@link EgressRule}. */
  public static final class Builder extends ImmutableEgressRule.Builder {}
}
