package dev.aiinfra.dra.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.manifest.ApiVersions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code resource.k8s.io} versions the DRA reader takes (KEP-4381): {@code v1} as it is, and
 * {@code v1beta2} and {@code v1beta1}, which clusters still serve, converted to {@code v1} the way
 * the API server converts them ({@code k8s.io/kubernetes/pkg/apis/resource/v1beta1/conversion.go}
 * and the generated conversions of 1.36):
 *
 * <ul>
 *   <li>{@code v1beta2} has the shape of {@code v1} for ResourceSlice, DeviceClass, ResourceClaim and
 *       ResourceClaimTemplate: only the apiVersion changes;
 *   <li>{@code v1beta1} requests carry {@code deviceClassName}, {@code selectors}, {@code
 *       allocationMode}, {@code count}, {@code adminAccess}, {@code tolerations} and {@code capacity}
 *       themselves: when any of them is set they move under {@code exactly}; {@code firstAvailable}
 *       stays (both set is refused by the v1 rules, as by the API server);
 *   <li>{@code v1beta1} devices keep their fields under {@code basic}: they move up to the device;
 *       an empty {@code spec.nodeName} and a false {@code spec.allNodes} of a slice mean unset.
 * </ul>
 *
 * Field paths of problems found after conversion are given back in the shape of the version the
 * object was written in ({@link #pathIn}), so that they point into the user's file.
 */
public final class ResourceApiVersions {
  public static final String GROUP = "resource.k8s.io";
  /** Versions read, newest first. */
  public static final List<String> VERSIONS = List.of("v1", "v1beta2", "v1beta1");

  static final Map<String, Class<? extends HasMetadata>> V1_TYPES = Map.of(
      "ResourceSlice", ResourceSlice.class,
      "DeviceClass", DeviceClass.class,
      "ResourceClaim", ResourceClaim.class,
      "ResourceClaimTemplate", ResourceClaimTemplate.class);

  private static final List<String> EXACT_FIELDS =
      List.of("deviceClassName", "selectors", "allocationMode", "count", "adminAccess", "tolerations", "capacity");
  private static final Pattern EXACTLY = Pattern.compile("(devices\\.requests\\[\\d+\\])\\.exactly(?=[.\\[]|$)");
  private static final Pattern DEVICE_FIELD = Pattern.compile("^spec\\.devices\\[(\\d+)\\]\\.(?!name$|name[.\\[])");

  private ResourceApiVersions() {}

  /** Whether {@code kind} is one of the four {@code resource.k8s.io} kinds the DRA reader takes. */
  public static boolean isDraKind(String kind) {
    return V1_TYPES.containsKey(kind);
  }

  /** Whether {@code apiVersion} is {@code resource.k8s.io} at a version read ({@link #VERSIONS}). */
  public static boolean isRead(String apiVersion) {
    return GROUP.equals(ApiVersions.group(apiVersion)) && VERSIONS.contains(ApiVersions.version(apiVersion));
  }

  /** {@code resource.k8s.io/v1, v1beta2 or v1beta1}: the versions read, for messages. */
  public static String describe() {
    return GROUP + "/" + VERSIONS.get(0) + ", " + VERSIONS.get(1) + " or " + VERSIONS.get(2);
  }

  /**
   * The object (a tree with {@code apiVersion} and {@code kind}) as {@code resource.k8s.io/v1}: a
   * converted copy for v1beta2 and v1beta1, empty for other versions. Parts of an unexpected type
   * are left as they are, for the v1 reader to refuse.
   */
  public static Optional<ObjectNode> toV1(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    if (!isRead(apiVersion)) {
      return Optional.empty();
    }
    ObjectNode out = object.deepCopy();
    out.put("apiVersion", GROUP + "/v1");
    if (ApiVersions.version(apiVersion).equals("v1beta1")) {
      JsonNode spec = out.path("spec");
      switch (object.path("kind").asText()) {
        case "ResourceClaim" -> requests(spec.path("devices").path("requests"));
        case "ResourceClaimTemplate" -> requests(spec.path("spec").path("devices").path("requests"));
        case "ResourceSlice" -> slice(spec);
        default -> { }
      }
    }
    return Optional.of(out);
  }

  /**
   * A field path found on the v1 form of an object, in the shape of {@code apiVersion}: for
   * v1beta1, {@code spec.devices.requests[0].exactly.count} is {@code
   * spec.devices.requests[0].count} and a slice's {@code spec.devices[0].attributes[...]} is
   * {@code spec.devices[0].basic.attributes[...]}; other versions' paths are v1's.
   */
  public static String pathIn(String apiVersion, String kind, String v1Path) {
    if (!isRead(apiVersion) || !ApiVersions.version(apiVersion).equals("v1beta1")) {
      return v1Path;
    }
    return switch (kind) {
      case "ResourceClaim", "ResourceClaimTemplate" -> EXACTLY.matcher(v1Path).replaceAll("$1");
      case "ResourceSlice" -> DEVICE_FIELD.matcher(v1Path).replaceFirst("spec.devices[$1].basic.");
      default -> v1Path;
    };
  }

  /** {@code Convert_v1beta1_DeviceRequest_To_resource_DeviceRequest}: any main field set makes an {@code exactly}. */
  private static void requests(JsonNode requests) {
    if (!requests.isArray()) {
      return;
    }
    for (JsonNode r : requests) {
      if (!r.isObject()) {
        continue;
      }
      ObjectNode request = (ObjectNode) r;
      ObjectNode exactly = request.objectNode();
      boolean any = false;
      for (String field : EXACT_FIELDS) {
        JsonNode value = request.remove(field);
        if (value != null && !value.isNull()) {
          exactly.set(field, value);
          any |= isSet(field, value);
        }
      }
      if (any) {
        request.set("exactly", exactly);
      }
    }
  }

  /** {@code hasAnyMainRequestFieldsSet}: the zero values of the Go fields do not count. */
  private static boolean isSet(String field, JsonNode value) {
    return switch (field) {
      case "deviceClassName", "allocationMode" -> !value.isTextual() || !value.asText().isEmpty();
      case "count" -> !value.isNumber() || value.asLong() != 0;
      default -> true;
    };
  }

  /** {@code Convert_v1beta1_ResourceSliceSpec_To_resource_ResourceSliceSpec} and {@code Convert_v1beta1_Device_To_resource_Device}. */
  private static void slice(JsonNode spec) {
    if (!spec.isObject()) {
      return;
    }
    ObjectNode s = (ObjectNode) spec;
    if (s.path("nodeName").isTextual() && s.path("nodeName").asText().isEmpty()) {
      s.remove("nodeName");
    }
    if (s.path("allNodes").isBoolean() && !s.path("allNodes").asBoolean()) {
      s.remove("allNodes");
    }
    JsonNode devices = s.path("devices");
    if (!devices.isArray()) {
      return;
    }
    ArrayNode converted = s.arrayNode();
    for (JsonNode d : devices) {
      if (!d.isObject()) {
        converted.add(d);
        continue;
      }
      ObjectNode device = converted.addObject();
      if (d.has("name")) {
        device.set("name", d.get("name"));
      }
      JsonNode basic = d.path("basic");
      if (basic.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = basic.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          device.set(e.getKey(), e.getValue());
        }
      }
    }
    s.set("devices", converted);
  }
}
