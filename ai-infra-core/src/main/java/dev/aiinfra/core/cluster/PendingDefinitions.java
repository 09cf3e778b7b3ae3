package dev.aiinfra.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.manifest.ApiVersions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What earlier objects of one apply define: Namespaces and CustomResourceDefinitions, and which
 * of them a dry run only pretended to create. A later object in such a namespace, or of such a
 * kind, cannot be checked by the server in a dry run (it answers 404), and a kind defined by a
 * CRD of this apply may still be missing from API discovery for a moment after it is Established.
 */
final class PendingDefinitions {
  private final Set<String> definedKinds = new HashSet<>();
  private final Set<String> pretendNamespaces = new HashSet<>();
  private final Set<String> pretendKinds = new HashSet<>();

  /** Records {@code object}'s outcome; {@code existed}: the server had it before this apply. */
  void record(HasMetadata object, ApplyResult result, boolean existed, DryRun dryRun) {
    boolean pretended = dryRun != DryRun.NONE && result == ApplyResult.APPLIED && !existed;
    if (isNamespace(object) && pretended) {
      pretendNamespaces.add(object.getMetadata().getName());
    }
    definedKind(object).ifPresent(k -> {
      definedKinds.add(k);
      if (pretended) {
        pretendKinds.add(k);
      }
    });
  }

  /** Whether a CRD of this apply defines {@code object}'s kind. */
  boolean definesKindOf(HasMetadata object) {
    return definedKinds.contains(kindKey(object.getApiVersion(), object.getKind()));
  }

  /** Why a dry run cannot check {@code object}, when it depends on something the dry run did not create. */
  Optional<String> uncheckable(HasMetadata object) {
    if (pretendKinds.contains(kindKey(object.getApiVersion(), object.getKind()))) {
      return Optional.of("not checked: its CustomResourceDefinition is created by this apply, which a dry run does not do");
    }
    String ns = object.getMetadata().getNamespace();
    if (ns != null && pretendNamespaces.contains(ns)) {
      return Optional.of("not checked: Namespace " + ns + " is created by this apply, which a dry run does not do");
    }
    return Optional.empty();
  }

  static boolean isNamespace(HasMetadata o) {
    return "Namespace".equals(o.getKind()) && "v1".equals(o.getApiVersion());
  }

  static boolean isCrd(HasMetadata o) {
    return "CustomResourceDefinition".equals(o.getKind())
        && "apiextensions.k8s.io".equals(ApiVersions.group(String.valueOf(o.getApiVersion())));
  }

  private static Optional<String> definedKind(HasMetadata crd) {
    if (!isCrd(crd)) {
      return Optional.empty();
    }
    JsonNode spec = Json.mapper().valueToTree(crd).path("spec");
    return Optional.of(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText());
  }

  private static String kindKey(String apiVersion, String kind) {
    return ApiVersions.group(String.valueOf(apiVersion)) + "/" + kind;
  }
}
