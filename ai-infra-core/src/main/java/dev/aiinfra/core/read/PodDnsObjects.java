package dev.aiinfra.core.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.render.dns.PodDnsReading;
import dev.aiinfra.core.render.dns.PodDnsTrees;
import java.util.List;

/**
 * Reads the DNS settings of one pod from an object a person gives: a Pod, or a workload with
 * exactly one pod template (Deployment, Job, …), in the object's namespace ({@code default} when it
 * names none), as the kubelet would see the pod it creates.
 */
public final class PodDnsObjects {
  private PodDnsObjects() {}

  /**
   * The pod's DNS settings.
   *
   * @throws ManifestReadException naming the object's file and document when it has no pod template
   *     or several, or when any DNS field is invalid (all of them at once)
   */
  public static PodDns read(SourcedObject o) {
    ObjectNode tree = Json.mapper().valueToTree(o.object());
    List<PodTemplateSite> sites = PodTemplates.find(tree);
    String kind = tree.path("kind").asText();
    if (sites.size() != 1) {
      throw new ManifestReadException(List.of(o.error("kind",
          kind + (sites.isEmpty() ? " has no pod template" : " has " + sites.size() + " pod templates")
              + "; expected a Pod or a workload with exactly one pod template")));
    }
    String ns = tree.path("metadata").path("namespace").asText(null);
    PodDnsReading reading = PodDnsTrees.read(sites.get(0).podSpec(), ns == null ? "default" : ns, FieldPath.of(sites.get(0).path()));
    if (!reading.isValid()) {
      throw new ManifestReadException(
          reading.violations().stream().map(v -> (InputError) o.error(v.field(), v.message())).toList());
    }
    return reading.podDns().orElseThrow(() -> new InvalidSpecException(List.of()));
  }
}
