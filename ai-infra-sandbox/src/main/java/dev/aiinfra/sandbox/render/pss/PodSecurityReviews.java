package dev.aiinfra.sandbox.render.pss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the Pod Security checks over every pod template of an object. Unlike admission, which only
 * inspects Pods and core workload templates, this also opens the CRD-backed kinds ai-infra knows
 * (JobSet, LeaderWorkerSet, DisaggregatedSet, Sandbox, SandboxTemplate, llmaz Service), so a
 * template is judged before its controller ever creates a pod.
 */
public final class PodSecurityReviews {
  private static final ObjectMapper JSON = Json.mapper();

  private PodSecurityReviews() {}

  /** Whether {@link #review} finds pod templates in objects of this kind. */
  public static boolean reviewable(String apiVersion, String kind) {
    return PodTemplates.hasPodTemplates(apiVersion, kind);
  }

  public static ObjectReview review(HasMetadata object, PodSecurityVersion version) {
    return review((ObjectNode) JSON.valueToTree(object), version);
  }

  /**
   * Reviews an object's JSON tree.
   *
   * @throws InvalidSpecException listing every field of the wrong type, with paths from the object root
   */
  public static ObjectReview review(ObjectNode object, PodSecurityVersion version) {
    List<TemplateReview> templates = new ArrayList<>();
    List<FieldViolation> errors = new ArrayList<>();
    boolean pod = object.path("kind").asText().equals("Pod") && object.path("apiVersion").asText().equals("v1");
    for (PodTemplateSite site : PodTemplates.find(object)) {
      JsonNode spec = pod ? withHostNetworkPorts(site.podSpec()) : site.podSpec();
      PodSecurityReading r = PodSecurityTrees.read(site.podMetadata(), spec, FieldPath.of(site.path()));
      errors.addAll(r.violations());
      r.view().ifPresent(view -> templates.add(new TemplateReview(parent(site.path()),
          PodSecurity.evaluate(view, PodSecurityLevel.BASELINE, version),
          PodSecurity.evaluate(view, PodSecurityLevel.RESTRICTED, version))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(errors);
    }
    JsonNode meta = object.path("metadata");
    return new ObjectReview(object.path("kind").asText(""), text(meta, "namespace").orElse(""), text(meta, "name").orElse(""), templates);
  }

  /**
   * A Pod as admission sees it after API defaulting: with {@code hostNetwork: true} every port of a
   * container or init container that leaves {@code hostPort} unset or 0 gets its
   * {@code containerPort} as host port (templates of workloads are not defaulted this way).
   */
  static JsonNode withHostNetworkPorts(ObjectNode podSpec) {
    if (!podSpec.path("hostNetwork").asBoolean(false)) {
      return podSpec;
    }
    ObjectNode copy = podSpec.deepCopy();
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : copy.path(list)) {
        for (JsonNode port : c.path("ports")) {
          if (port instanceof ObjectNode p && p.path("hostPort").asInt(0) == 0 && p.has("containerPort")) {
            p.set("hostPort", p.get("containerPort"));
          }
        }
      }
    }
    return copy;
  }

  /** {@code spec.template.spec} → {@code spec.template}; a Pod's {@code spec} stays {@code spec}. */
  private static String parent(String specPath) {
    return specPath.endsWith(".spec") ? specPath.substring(0, specPath.length() - ".spec".length()) : specPath;
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}
