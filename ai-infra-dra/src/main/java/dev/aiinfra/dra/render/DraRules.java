package dev.aiinfra.dra.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.render.validation.ObjectRule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.List;
import java.util.Map;

/**
 * The Dynamic Resource Allocation API rules (KEP-4381, {@code resource.k8s.io/v1}) as an {@link
 * ObjectRule}, so that {@code validate} refuses every ResourceSlice, DeviceClass, ResourceClaim,
 * ResourceClaimTemplate and Pod {@code resourceClaims} entry that {@code dra allocate} refuses,
 * with the same field paths. The rules are {@link DraReader}'s, applied to one object at a time.
 */
public final class DraRules implements ObjectRule {
  private static final String RESOURCE_V1 = "resource.k8s.io/v1";
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "ResourceSlice", ResourceSlice.class,
      "DeviceClass", DeviceClass.class,
      "ResourceClaim", ResourceClaim.class,
      "ResourceClaimTemplate", ResourceClaimTemplate.class);

  /** The DRA rules, as a list to add to an {@code ObjectValidator}. */
  public static List<ObjectRule> all() {
    return List.of(new DraRules());
  }

  @Override
  public List<FieldViolation> check(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    Class<? extends HasMetadata> type = RESOURCE_V1.equals(apiVersion) ? KINDS.get(kind)
        : "v1".equals(apiVersion) && "Pod".equals(kind) ? Pod.class : null;
    if (type == null) {
      return List.of();
    }
    ObjectNode named = object;
    if (object.path("metadata").path("name").asText("").isEmpty()) {
      // validate reads unnamed objects and reports the name itself; the DRA rules need one to run
      named = object.deepCopy();
      JsonNode meta = named.path("metadata");
      (meta.isObject() ? (ObjectNode) meta : named.putObject("metadata")).put("name", "unnamed");
    }
    try {
      return DraReader.check(ObjectTrees.bind(named, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of(); // the manifest reader reports what does not bind
    }
  }
}
