package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.internal.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Runs a set of {@link ObjectRule}s over objects and keeps every violation of every object. */
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
    return new ObjectValidation(object.getApiVersion(), ManifestBundle.keyOf(object), found);
  }

  public List<ObjectValidation> validateAll(List<? extends HasMetadata> objects) {
    List<ObjectValidation> out = new ArrayList<>(objects.size());
    objects.forEach(o -> out.add(validate(o)));
    return out;
  }
}
