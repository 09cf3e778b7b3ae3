package dev.aiinfra.cli.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.observability.render.ObservationRenderer;

/**
 * The JSON contract of {@code observe render}: {@code generated[]} {@code {kind, name, workload,
 * why}} (one line per object, in object order), {@code objects[]} (the objects themselves, as
 * {@code -o yaml} prints them) and {@code diagnostics[]} {@code {code, severity, message, hint?,
 * path?}}.
 */
final class ObserveRenderJson {
  private ObserveRenderJson() {}

  static ObjectNode of(ObservationRenderer.Rendered r) {
    ObjectNode root = JsonOut.object();
    ArrayNode generated = root.putArray("generated");
    for (PlanEntry e : r.entries()) {
      generated.addObject().put("kind", e.kind()).put("name", e.name()).put("workload", e.workload()).put("why", e.why());
    }
    ArrayNode objects = root.putArray("objects");
    r.objects().forEach(o -> objects.add(ManifestWriter.canonical(o)));
    ArrayNode diagnostics = root.putArray("diagnostics");
    r.diagnostics().forEach(d -> {
      ObjectNode n = JsonOut.diagnostic(d);
      if (!d.path().isEmpty()) {
        n.put("path", d.path());
      }
      diagnostics.add(n);
    });
    return root;
  }
}
