package dev.aiinfra.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until an applied CustomResourceDefinition is {@code Established}: until then the API
 * server answers 404 for its custom resources, so the CRs after it in the bundle would fail.
 */
final class CrdEstablishment {
  static final Duration POLL = Duration.ofMillis(100);

  private CrdEstablishment() {}

  /** Empty when established in time; otherwise why not, for the report. */
  static Optional<String> await(KubernetesClient client, HasMetadata crd, ApplyOptions options) throws InterruptedException {
    Duration waited = Duration.ZERO;
    String last = "no Established condition yet";
    while (true) {
      try {
        HasMetadata current = client.resource(crd).get();
        if (current != null) {
          JsonNode established = condition(current, "Established");
          if ("True".equals(established.path("status").asText())) {
            return Optional.empty();
          }
          JsonNode names = condition(current, "NamesAccepted");
          if ("False".equals(names.path("status").asText())) {
            return Optional.of("applied, but its names are not accepted: " + names.path("message").asText());
          }
          if (!established.isMissingNode()) {
            last = "Established is " + established.path("status").asText() + ": " + established.path("message").asText();
          }
        }
      } catch (KubernetesClientException e) {
        if (!FailureKind.isTransient(e)) {
          return Optional.of("applied, but reading it back failed: " + FailureKind.describe(e));
        }
        last = FailureKind.describe(e);
      }
      if (waited.compareTo(options.establishTimeout()) >= 0) {
        return Optional.of("applied, but not Established within " + options.establishTimeout().toSeconds() + "s (" + last
            + "); its custom resources would be refused");
      }
      options.sleeper().sleep(POLL);
      waited = waited.plus(POLL);
    }
  }

  private static JsonNode condition(HasMetadata crd, String type) {
    for (JsonNode c : Json.mapper().valueToTree(crd).path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
