package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.render.dns.PodDnsTrees;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The object rules of ai-infra-core: object metadata, containers of every pod template, pod DNS. */
public final class CoreRules {
  /** Kinds whose name becomes a DNS label of a Service and so must be a DNS-1035 label. */
  private static final Set<String> DNS1035_NAMED = Set.of("Service", "LeaderWorkerSet");
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private CoreRules() {}

  public static List<ObjectRule> all() {
    return List.of(CoreRules::metadata, CoreRules::containers, CoreRules::podDns);
  }

  /** Name, namespace, label and annotation rules of {@code ObjectMeta}. */
  public static List<FieldViolation> metadata(ObjectNode object) {
    Violations v = new Violations();
    String kind = object.path("kind").asText();
    JsonNode meta = object.path("metadata");
    FieldPath at = FieldPath.of("metadata");
    String name = meta.path("name").asText("");
    if (!name.isEmpty()) {
      List<String> errors;
      if (kind.equals("Namespace")) {
        errors = NameRules.dns1123Label(name);
      } else if (DNS1035_NAMED.contains(kind) && !object.path("apiVersion").asText().contains(".")) {
        errors = NameRules.dns1035Label(name);
      } else if (kind.equals("LeaderWorkerSet")) {
        errors = NameRules.dns1035Label(name);
      } else {
        errors = NameRules.dns1123Subdomain(name);
      }
      v.checkName(at.child("name"), name, errors);
    }
    String namespace = meta.path("namespace").asText("");
    if (!namespace.isEmpty()) {
      v.checkName(at.child("namespace"), namespace, NameRules.dns1123Label(namespace));
    }
    Iterator<Map.Entry<String, JsonNode>> labels = meta.path("labels").fields();
    while (labels.hasNext()) {
      Map.Entry<String, JsonNode> e = labels.next();
      v.checkName(at.child("labels").key(e.getKey()), e.getKey(), NameRules.qualifiedName(e.getKey()));
      String value = e.getValue().asText();
      v.checkName(at.child("labels").key(e.getKey()), value, NameRules.labelValue(value));
    }
    int annotationBytes = 0;
    Iterator<Map.Entry<String, JsonNode>> annotations = meta.path("annotations").fields();
    while (annotations.hasNext()) {
      Map.Entry<String, JsonNode> e = annotations.next();
      v.checkName(at.child("annotations"), e.getKey(), NameRules.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT)));
      annotationBytes += e.getKey().length() + e.getValue().asText().length();
    }
    if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
      v.tooLong(at.child("annotations"), MAX_ANNOTATIONS_BYTES);
    }
    return v.list();
  }

  /** Every pod template has containers with unique DNS-1123-label names and an image. */
  public static List<FieldViolation> containers(ObjectNode object) {
    Violations v = new Violations();
    for (PodTemplateSite site : PodTemplates.find(object)) {
      FieldPath spec = FieldPath.of(site.path());
      JsonNode containers = site.podSpec().get("containers");
      if (containers == null || !containers.isArray() || containers.isEmpty()) {
        v.required(spec.child("containers"), "must have at least one container");
        continue;
      }
      Set<String> names = new HashSet<>();
      checkContainers(site.podSpec().get("initContainers"), spec.child("initContainers"), names, v);
      checkContainers(containers, spec.child("containers"), names, v);
    }
    return v.list();
  }

  private static void checkContainers(JsonNode list, FieldPath at, Set<String> names, Violations v) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String name = c.path("name").asText("");
      FieldPath p = at.index(i);
      if (name.isEmpty()) {
        v.required(p.child("name"), "");
      } else {
        v.checkName(p.child("name"), name, NameRules.dns1123Label(name));
        if (!names.add(name)) {
          v.duplicate(p.child("name"), name);
        }
      }
      if (c.path("image").asText("").isEmpty()) {
        v.required(p.child("image"), "");
      }
    }
  }

  /** {@code dnsPolicy} and {@code dnsConfig} of every pod template (validatePodDNSConfig). */
  public static List<FieldViolation> podDns(ObjectNode object) {
    Violations v = new Violations();
    String ns = object.path("metadata").path("namespace").asText("default");
    for (PodTemplateSite site : PodTemplates.find(object)) {
      v.addAll(PodDnsTrees.read(site.podSpec(), ns, FieldPath.of(site.path())).violations());
    }
    return v.list();
  }
}
