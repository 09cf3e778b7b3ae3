package dev.aiinfra.dra.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.render.validation.ObjectRule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The Dynamic Resource Allocation API rules (KEP-4381, {@code resource.k8s.io/v1}; v1beta2 and
 * v1beta1 objects are checked as the v1 objects they convert to) as an {@link
 * ObjectRule}, so that {@code validate} refuses every ResourceSlice, DeviceClass, ResourceClaim,
 * ResourceClaimTemplate and Pod {@code resourceClaims} entry that {@code dra allocate} refuses,
 * with the same field paths. The rules are {@link DraReader}'s, applied to one object at a time.
 */
public final class DraRules implements ObjectRule {
  /** The DRA rules, as a list to add to an {@code ObjectValidator}. */
  public static List<ObjectRule> all() {
    return List.of(new DraRules());
  }

  @Override
  public List<FieldViolation> check(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    // v1beta2 and v1beta1 are checked as the v1 object they convert to, with paths of their own shape.
    ObjectNode v1 = ResourceApiVersions.isDraKind(kind) ? ResourceApiVersions.toV1(object).orElse(null) : object;
    Class<? extends HasMetadata> type = v1 != null && ResourceApiVersions.isDraKind(kind) ? ResourceApiVersions.V1_TYPES.get(kind)
        : "v1".equals(apiVersion) && "Pod".equals(kind) ? Pod.class : null;
    if (type == null) {
      return List.of();
    }
    try {
      List<FieldViolation> found = DraReader.check(ObjectTrees.bind(ObjectTrees.named(v1), type));
      return found.stream().map(v -> DraReader.at(v, ResourceApiVersions.pathIn(apiVersion, kind, v.field()))).toList();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of(); // the manifest reader reports what does not bind
    }
  }
}
