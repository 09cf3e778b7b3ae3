package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.UsageException;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.dns.PodDnsReading;
import dev.aiinfra.core.render.dns.PodDnsTrees;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The one pod (or single-template workload) a {@code dns} command evaluates. */
final class PodInput {
  private static final ObjectMapper JSON = Json.mapper();

  private PodInput() {}

  static PodDns one(List<SourcedObject> objects) {
    if (objects.size() != 1) {
      throw new UsageException("expected exactly one Pod (or one workload with one pod template), got " + objects.size() + " objects");
    }
    SourcedObject o = objects.get(0);
    ObjectNode tree = JSON.valueToTree(o.object());
    List<PodTemplateSite> sites = PodTemplates.find(tree);
    if (sites.size() != 1) {
      throw new ManifestReadException(List.of(o.error("kind",
          o.object().getKind() + (sites.isEmpty() ? " has no pod template" : " has " + sites.size() + " pod templates")
              + "; expected a Pod or a workload with exactly one pod template")));
    }
    String ns = o.object().getMetadata().getNamespace();
    PodDnsReading reading = PodDnsTrees.read(sites.get(0).podSpec(), ns == null ? "default" : ns, FieldPath.of(sites.get(0).path()));
    if (!reading.isValid()) {
      throw new ManifestReadException(
          reading.violations().stream().map(v -> (InputError) o.error(v.field(), v.message())).toList());
    }
    return reading.podDns().orElseThrow(() -> new InvalidSpecException(List.of()));
  }
}
