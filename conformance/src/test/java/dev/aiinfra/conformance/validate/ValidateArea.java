package dev.aiinfra.conformance.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.core.render.validation.ValidationGenerators;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * {@code validate -f FILES -o json} against the API server's create path (decode with defaults,
 * the registry strategy's PrepareForCreate and Validate, generic ObjectMeta checks). The contract:
 * exit code, the overall and per-object {@code valid} flags, and per object the set of (field,
 * type) of its violations. Messages are not compared: ai-infra claims the API server's error
 * types and field paths, not its detail wording.
 */
public final class ValidateArea implements Area {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Override
  public String name() {
    return "VALIDATE";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    int n = r.nextInt(5) == 0 ? 2 : 1;
    StringBuilder docs = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Map<String, Object> o = ValidationGenerators.object().next(r);
      try {
        docs.append("---\n").append(YAML.writeValueAsString(o).replaceFirst("^---\n", ""));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Case.of(id, caseSeed, List.of("validate", "-f", "objects.yaml", "-o", "json"), "objects.yaml", docs.toString());
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() > 1) {
      return n;
    }
    JsonNode json = o.json();
    n.set("valid", json.path("valid"));
    ArrayNode objects = n.putArray("objects");
    for (JsonNode obj : json.path("objects")) {
      ObjectNode p = objects.addObject();
      p.set("kind", obj.path("kind"));
      p.set("name", obj.path("name"));
      p.set("valid", obj.path("valid"));
      TreeSet<String> vs = new TreeSet<>();
      for (JsonNode v : obj.path("violations")) {
        vs.add(v.path("field").asText() + " " + v.path("type").asText());
      }
      ArrayNode a = p.putArray("violations");
      vs.forEach(a::add);
    }
    return n;
  }

  @Override
  public List<Divergence> divergences() {
    return new ArrayList<>(ValidateDivergences.all());
  }
}
