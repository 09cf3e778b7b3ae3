package dev.aiinfra.cli.dns;

import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.policy.dns.ResolvConfParser;
import dev.aiinfra.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The kubelet's DNS settings: {@code --cluster-dns}, {@code --cluster-domain}, {@code --host-resolv-conf}. */
public final class KubeletOptions {
  @Option(names = "--cluster-dns", paramLabel = "IP", split = ",",
      description = "Default: " + KubeletDnsSettings.KUBEADM_CLUSTER_DNS + " (kubeadm's), with a note on stderr. Cluster DNS service"
          + " IP(s): the kubelet's clusterDNS (kubectl -n kube-system get service kube-dns); none: a kubelet without clusterDNS"
          + " (ClusterFirst pods then fall back to the node's resolv.conf).")
  List<String> clusterDns = new ArrayList<>();

  @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = "cluster.local", description = "Cluster domain. Default: ${DEFAULT-VALUE}.")
  String clusterDomain;

  @Option(names = "--host-resolv-conf", paramLabel = "FILE", description = "The node's resolv.conf (kubelet --resolv-conf); unknown when omitted.")
  Path hostResolvConf;

  /** The settings; when {@code --cluster-dns} is not given, kubeadm's default, with a note on {@code err} saying so. */
  public KubeletDnsSettings settings(PrintWriter err) {
    KubeletDnsSettings.Builder b = KubeletDnsSettings.builder().clusterDns(clusterDns(err)).clusterDomain(clusterDomain);
    if (hostResolvConf != null) {
      try {
        b.hostResolvConf(ResolvConfParser.kubelet(readSmall(hostResolvConf)));
      } catch (IllegalArgumentException e) {
        throw new UsageException(hostResolvConf + ": " + e.getMessage());
      }
    }
    return b.build();
  }

  /**
   * A pod evaluated without a nameserver answers nothing useful, and {@code --cluster-dns} is easy
   * to forget: the default is kubeadm's address, said out loud; {@code none} models a kubelet
   * without clusterDNS on purpose.
   */
  private List<String> clusterDns(PrintWriter err) {
    if (clusterDns.isEmpty()) {
      err.println("note: --cluster-dns not given: using " + KubeletDnsSettings.KUBEADM_CLUSTER_DNS
          + ", kubeadm's cluster DNS address; give your kubelet's clusterDNS (kubectl -n kube-system get service kube-dns),"
          + " or --cluster-dns none for a kubelet without one");
      err.flush();
      return List.of(KubeletDnsSettings.KUBEADM_CLUSTER_DNS);
    }
    boolean none = clusterDns.stream().anyMatch(ip -> ip.equalsIgnoreCase("none"));
    if (none && clusterDns.size() > 1) {
      throw new UsageException("--cluster-dns none: give either none or IP addresses, not both");
    }
    return none ? List.of() : clusterDns;
  }

  /** Reads a small text file (or pipe), refusing anything over 1 MiB. */
  static String readSmall(Path file) {
    if (!Files.exists(file) || Files.isDirectory(file)) {
      throw new UsageException(file + ": no such file");
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((1 << 20) + 1);
      if (bytes.length > 1 << 20) {
        throw new UsageException(file + ": a resolv.conf larger than 1 MiB is not plausible");
      }
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage());
    }
  }
}
