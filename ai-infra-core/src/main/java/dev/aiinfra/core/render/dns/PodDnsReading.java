package dev.aiinfra.core.render.dns;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.dns.PodDns;
import java.util.List;
import java.util.Optional;

/** The pod DNS read from a pod spec, or every rule it breaks (paths from the object root). */
public final class PodDnsReading {
  private final Optional<PodDns> podDns;
  private final List<FieldViolation> violations;

  PodDnsReading(Optional<PodDns> podDns, List<FieldViolation> violations) {
    this.podDns = podDns;
    this.violations = List.copyOf(violations);
  }

  public Optional<PodDns> podDns() {
    return podDns;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  public boolean isValid() {
    return violations.isEmpty();
  }
}
