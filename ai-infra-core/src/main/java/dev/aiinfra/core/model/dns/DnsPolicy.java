package dev.aiinfra.core.model.dns;

import java.util.Arrays;
import java.util.Optional;

/** A pod's {@code spec.dnsPolicy} (core/v1 {@code DNSPolicy}). */
public enum DnsPolicy {
  ClusterFirst,
  ClusterFirstWithHostNet,
  Default,
  None;

  /** The API value, e.g. {@code "ClusterFirst"}; empty for anything the API server would reject. */
  public static Optional<DnsPolicy> fromApi(String value) {
    return Arrays.stream(values()).filter(p -> p.name().equals(value)).findFirst();
  }
}
