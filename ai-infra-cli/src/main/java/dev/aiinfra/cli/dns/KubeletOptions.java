package dev.aiinfra.cli.dns;

import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.policy.dns.ResolvConfParser;
import dev.aiinfra.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The kubelet's DNS settings: {@code --cluster-dns}, {@code --cluster-domain}, {@code --host-resolv-conf}. */
public final class KubeletOptions {
  @Option(names = "--cluster-dns", paramLabel = "IP", split = ",", description = "Cluster DNS service IP(s) (kubelet clusterDNS).")
  List<String> clusterDns = new ArrayList<>();

  @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = "cluster.local", description = "Cluster domain (default: ${DEFAULT-VALUE}).")
  String clusterDomain;

  @Option(names = "--host-resolv-conf", paramLabel = "FILE", description = "The node's resolv.conf (kubelet --resolv-conf); unknown when omitted.")
  Path hostResolvConf;

  public KubeletDnsSettings settings() {
    KubeletDnsSettings.Builder b = KubeletDnsSettings.builder().clusterDns(clusterDns).clusterDomain(clusterDomain);
    if (hostResolvConf != null) {
      try {
        b.hostResolvConf(ResolvConfParser.kubelet(readSmall(hostResolvConf)));
      } catch (IllegalArgumentException e) {
        throw new UsageException(hostResolvConf + ": " + e.getMessage());
      }
    }
    return b.build();
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
