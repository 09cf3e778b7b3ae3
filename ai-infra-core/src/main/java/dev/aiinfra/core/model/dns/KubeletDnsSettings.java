package dev.aiinfra.core.model.dns;

import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.FieldPath;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The kubelet settings that shape pod DNS: {@code clusterDNS}, {@code clusterDomain} and the host
 * resolv.conf ({@code --resolv-conf}). An absent host file means "not known" and is treated as an
 * empty file; {@link #resolvConfDisabled()} models {@code --resolv-conf=""}.
 */
@Value.Immutable
public abstract class KubeletDnsSettings implements WithKubeletDnsSettings {
  /**
   * The cluster DNS Service IP of a kubeadm cluster with its default service subnet
   * ({@code 10.96.0.0/12}; kubeadm gives the DNS Service the tenth address, and so do most
   * distributions that follow it): the usual {@code clusterDNS} when the real one is not known.
   */
  public static final String KUBEADM_CLUSTER_DNS = "10.96.0.10";

  public abstract List<String> clusterDns();

  @Value.Default
  public String clusterDomain() {
    return "cluster.local";
  }

  /** The node's resolv.conf as the kubelet parsed it; empty when not known. */
  public abstract Optional<ResolvConf> hostResolvConf();

  /** {@code --resolv-conf=""}: host-based pods get 127.0.0.1 and the search list {@code .}. */
  @Value.Default
  public boolean resolvConfDisabled() {
    return false;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    for (int i = 0; i < clusterDns().size(); i++) {
      String ip = clusterDns().get(i);
      v.checkName(FieldPath.of("clusterDNS").index(i), ip, NameRules.ipAddress(ip));
    }
    String domain = clusterDomain();
    if (!domain.isEmpty()) {
      v.checkName(FieldPath.of("clusterDomain"), domain, NameRules.dns1123Subdomain(domain));
    }
    v.throwIfAny();
  }

  /** Builder for {@link KubeletDnsSettings}. */
  public static final class Builder extends ImmutableKubeletDnsSettings.Builder {}
}
