package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.manifest.ApiVersions;
import dev.aiinfra.core.model.manifest.KnownKinds;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.internal.FabricKinds;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a set of {@link ObjectRule}s over objects and keeps every violation of every object, and
 * says of each object whether its kind is known ({@link ObjectValidation#kindKnown()}).
 */
public final class ObjectValidator {
  private final List<ObjectRule> rules;

  private ObjectValidator(List<ObjectRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules ai-infra-core implements: metadata, pod basics, pod DNS. */
  public static ObjectValidator core() {
    return of(CoreRules.all());
  }

  public static ObjectValidator of(List<ObjectRule> rules) {
    return new ObjectValidator(rules);
  }

  /** A validator with {@code more} rules after these. */
  public ObjectValidator with(List<ObjectRule> more) {
    List<ObjectRule> all = new ArrayList<>(rules);
    all.addAll(more);
    return new ObjectValidator(all);
  }

  public ObjectValidation validate(HasMetadata object) {
    ObjectNode tree = Json.mapper().valueToTree(object);
    List<FieldViolation> found = new ArrayList<>();
    for (ObjectRule rule : rules) {
      found.addAll(rule.check(tree));
    }
    return new ObjectValidation(object.getApiVersion(), ManifestBundle.keyOf(object), found, knownKind(object));
  }

  /**
   * Whether ai-infra knows the object's kind: fabric8 has a model of it (the built-in APIs and the
   * extensions on the class path) or it is one of the CRD-backed kinds of {@link KnownKinds}. Any
   * other kind is a CRD whose own rules ai-infra cannot check.
   */
  private static boolean knownKind(HasMetadata object) {
    String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
    String kind = object.getKind() == null ? "" : object.getKind();
    return FabricKinds.get().type(apiVersion, kind).isPresent()
        || KnownKinds.versions(ApiVersions.group(apiVersion), kind).map(v -> v.contains(ApiVersions.version(apiVersion))).orElse(false);
  }

  public List<ObjectValidation> validateAll(List<? extends HasMetadata> objects) {
    List<ObjectValidation> out = new ArrayList<>(objects.size());
    objects.forEach(o -> out.add(validate(o)));
    return out;
  }
}
