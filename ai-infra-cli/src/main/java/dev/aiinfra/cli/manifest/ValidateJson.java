package dev.aiinfra.cli.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.read.ManifestValidation;
import dev.aiinfra.core.read.ValidatedObject;

/**
 * The {@code validate} JSON contract, in one place: {@code {"valid","objects":[{"kind","namespace","name",
 * "source","document","valid","checked","violations":[{"field","type","message"}]}]}}.
 */
final class ValidateJson {
  private ValidateJson() {}

  static ObjectNode of(ManifestValidation validation) {
    ObjectNode json = JsonOut.object().put("valid", validation.valid());
    ArrayNode items = json.putArray("objects");
    for (ValidatedObject o : validation.objects()) {
      ObjectNode item = items.addObject()
          .put("kind", o.validation().key().kind())
          .put("namespace", o.validation().key().namespace())
          .put("name", o.validation().key().name())
          .put("source", o.source().source())
          .put("document", o.source().document())
          .put("valid", o.valid())
          .put("checked", o.validation().kindKnown());
      ArrayNode vs = item.putArray("violations");
      o.violations().forEach(fv -> vs.add(JsonOut.violation(fv)));
    }
    return json;
  }
}
