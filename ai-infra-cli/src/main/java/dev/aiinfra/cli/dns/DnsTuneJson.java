package dev.aiinfra.cli.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.policy.dns.LookupCost;
import dev.aiinfra.core.policy.dns.NdotsAdvice;
import dev.aiinfra.core.policy.dns.Resolution;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.core.render.dns.TemplateAdvice;
import dev.aiinfra.core.render.dns.TunedBundle;
import java.util.Locale;

/**
 * The {@code dns tune} JSON contract, in one place: {@code {"objects":[…the tuned objects, none when a
 * forced ndots is unsafe],"report":[{"kind","namespace","name","path","ndotsBefore","ndotsAfter",
 * "queriesBefore","queriesAfter","lookups":[{"name","scope","target","before":{"queries","result"},
 * "after":{…}}],"diagnostics":[{"code","severity","message","hint"?}]}],"queriesBefore","queriesAfter"}}.
 */
final class DnsTuneJson {
  private DnsTuneJson() {}

  static ObjectNode of(TunedBundle tuned) {
    ObjectNode root = JsonOut.object();
    ArrayNode objects = root.putArray("objects");
    if (tuned.safe()) {
      tuned.bundle().objects().stream().map(ManifestWriter::canonical).forEach(objects::add);
    }
    ArrayNode report = root.putArray("report");
    for (TemplateAdvice t : tuned.templates()) {
      NdotsAdvice a = t.advice();
      ObjectNode r = report.addObject()
          .put("kind", t.object().kind())
          .put("namespace", t.object().namespace())
          .put("name", t.object().name())
          .put("path", t.path())
          .put("ndotsBefore", a.ndotsBefore())
          .put("ndotsAfter", a.ndotsAfter())
          .put("queriesBefore", a.queriesBefore())
          .put("queriesAfter", a.queriesAfter());
      ArrayNode ls = r.putArray("lookups");
      for (LookupCost c : a.lookups()) {
        ObjectNode l = ls.addObject()
            .put("name", c.lookup().name())
            .put("scope", c.lookup().scope().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .put("target", c.target());
        l.set("before", resolution(c.before()));
        l.set("after", resolution(c.after()));
      }
      ArrayNode ds = r.putArray("diagnostics");
      a.diagnostics().forEach(d -> ds.add(JsonOut.diagnostic(d)));
    }
    root.put("queriesBefore", tuned.queriesBefore());
    root.put("queriesAfter", tuned.queriesAfter());
    return root;
  }

  private static JsonNode resolution(Resolution r) {
    ObjectNode n = JsonOut.object();
    n.set("queries", JsonOut.strings(r.queries()));
    n.put("result", r.result().wire());
    return n;
  }
}
