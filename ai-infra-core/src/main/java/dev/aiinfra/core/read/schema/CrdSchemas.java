package dev.aiinfra.core.read.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The schemas of a set of CRDs, by apiVersion and kind, and validation of objects against them. */
public final class CrdSchemas {
  private static final ObjectMapper JSON = Json.mapper();
  private final Map<String, JsonNode> schemas = new HashMap<>();

  private CrdSchemas() {}

  /** Loads every CustomResourceDefinition in the YAML files under {@code dir} (recursively). */
  public static CrdSchemas load(Path dir) {
    CrdSchemas s = new CrdSchemas();
    ManifestReader reader = ManifestReader.with(ReadLimits.defaults().withMaxNesting(400).withAllowUnknownKinds(true));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
        for (SourcedObject o : reader.read(List.of(f.toString()))) {
          if (o.object().getKind().equals("CustomResourceDefinition")) {
            s.add(JSON.valueToTree(o.object()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s;
  }

  private void add(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    String kind = spec.path("names").path("kind").asText();
    for (JsonNode version : spec.path("versions")) {
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      if (!schema.isMissingNode()) {
        schemas.put(group + "/" + version.path("name").asText() + "#" + kind, schema);
      }
    }
  }

  public Optional<JsonNode> schema(String apiVersion, String kind) {
    return Optional.ofNullable(schemas.get(apiVersion + "#" + kind));
  }

  public int size() {
    return schemas.size();
  }

  /** Every schema violation of {@code object}; empty when it conforms. Unknown kinds are an error. */
  public List<FieldViolation> validate(HasMetadata object) {
    JsonNode tree = JSON.valueToTree(object);
    Optional<JsonNode> schema = schema(object.getApiVersion(), object.getKind());
    if (schema.isEmpty()) {
      return List.of(FieldViolation.invalid(FieldPath.of("apiVersion"), object.getApiVersion() + " " + object.getKind(), "no CRD schema loaded for this kind"));
    }
    return StructuralSchema.validate(schema.get(), tree);
  }
}
