package dev.aiinfra.core.cluster;

import dev.aiinfra.core.model.manifest.ApiVersions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The server does not serve an object's kind at its apiVersion (fabric8 found no such resource in
 * API discovery): its CustomResourceDefinition is missing, not yet Established, or the API is off.
 */
final class NotServedException extends KubernetesClientException {
  private static final long serialVersionUID = 1L;

  NotServedException(HasMetadata object) {
    super("the server does not serve " + object.getKind() + " in " + object.getApiVersion()
        + (ApiVersions.group(object.getApiVersion()).isEmpty()
            ? ""
            : " (is its CustomResourceDefinition installed, or the API group enabled with --runtime-config?)"));
  }

  /** Whether fabric8 refused {@code e} because discovery does not list the kind. */
  static boolean isNotServed(KubernetesClientException e) {
    return e.getCode() <= 0 && String.valueOf(e.getMessage()).startsWith("Could not find a registered handler");
  }
}
