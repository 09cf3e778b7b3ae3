package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.UsageException;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.PodDnsObjects;
import java.util.List;

/** The one pod (or single-template workload) a {@code dns} command evaluates. */
final class PodInput {
  private PodInput() {}

  static PodDns one(List<SourcedObject> objects) {
    if (objects.size() != 1) {
      throw new UsageException("expected exactly one Pod (or one workload with one pod template), got " + objects.size() + " objects");
    }
    return PodDnsObjects.read(objects.get(0));
  }
}
