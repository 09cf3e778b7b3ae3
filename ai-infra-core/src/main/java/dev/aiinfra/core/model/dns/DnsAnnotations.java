package dev.aiinfra.core.model.dns;

/**
 * Annotations a workload may carry to tell the ndots advisor what it resolves and with which C
 * library. Values are comma-separated names; the resolver is {@code glibc} or {@code musl}.
 */
public final class DnsAnnotations {
  public static final String EXTERNAL_NAMES = "dns.ai-infra.dev/external-names";
  public static final String IN_CLUSTER_NAMES = "dns.ai-infra.dev/in-cluster-names";
  public static final String RESOLVER = "dns.ai-infra.dev/resolver";

  private DnsAnnotations() {}
}
