package dev.aiinfra.core.render.dns;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.dns.PodDns;
import java.util.List;
import java.util.Optional;

/** The pod DNS read from a pod spec, or every rule it breaks (paths from the object root). */
public record PodDnsReading(Optional<PodDns> podDns, List<FieldViolation> violations) {
  public PodDnsReading {
    violations = List.copyOf(violations);
  }

  public boolean isValid() {
    return violations.isEmpty();
  }
}
