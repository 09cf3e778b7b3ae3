package dev.aiinfra.conformance.apiserver.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates one object with {@code dryRun=All} and {@code fieldValidation=Strict}, as {@code kubectl
 * create --dry-run=server --validate=strict} sends it: the API server's create path (decode,
 * mutating admission, the registry strategy's validation, validating admission), nothing stored.
 * The object is sent exactly as generated (a JSON-shaped map), not through a typed model that
 * could drop or normalise a field. Create rather than server-side apply because {@code validate}
 * claims the create path's rules: apply adds its own merge-key checks (duplicate container names
 * or ports are refused before validation) and needs a name where create takes a generateName.
 */
final class DryRunCreate {
  /**
   * The server's answer: HTTP status, Status reason and message, the (field, type) of each cause
   * ({@code FieldValueInvalid} → {@code Invalid}, as the oracle and {@code validate} name them),
   * and the {@code Warning} headers.
   */
  record Answer(int status, String reason, String message, Set<String> violations, List<String> warnings) {
    /**
     * Created, or refused only because the name is taken: a Namespace of the corpus may be named like
     * one made for an earlier object, and storage refuses it after admission and validation passed.
     */
    boolean accepted() {
      return status >= 200 && status < 300 || status == 409 && reason.equals("AlreadyExists");
    }

    boolean invalid() {
      return status == 422 && reason.equals("Invalid");
    }
  }

  private final KubernetesClient client;

  DryRunCreate(KubernetesClient client) {
    this.client = client;
  }

  Answer create(Map<String, Object> object) {
    String apiVersion = String.valueOf(object.get("apiVersion"));
    String kind = String.valueOf(object.get("kind"));
    String base = client.getMasterUrl().toString().replaceAll("/+$", "");
    String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    // Every kind of the corpus is namespaced but Namespace, and its plural is kind + "s".
    String ns = kind.equals("Namespace") ? "" : "/namespaces/" + namespaceOf(object);
    String url = base + prefix + ns + "/" + kind.toLowerCase(java.util.Locale.ROOT) + "s?dryRun=All&fieldValidation=Strict";
    String body;
    try {
      body = Json.mapper().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the " + kind + " as JSON", e);
    }
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(url).method("POST", "application/json", body).build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the API server for " + url + ": " + e, e);
    }
    List<String> warnings = response.headers("Warning").stream().map(DryRunCreate::warningText).toList();
    if (response.code() < 300) {
      return new Answer(response.code(), "", "", Set.of(), warnings);
    }
    JsonNode status;
    try {
      status = Json.mapper().readTree(response.body());
    } catch (JsonProcessingException e) {
      return new Answer(response.code(), "", response.body(), Set.of(), warnings);
    }
    Set<String> causes = new TreeSet<>();
    for (JsonNode cause : status.path("details").path("causes")) {
      causes.add(cause.path("field").asText() + " " + cause.path("reason").asText().replaceFirst("^FieldValue", ""));
    }
    return new Answer(response.code(), status.path("reason").asText(), status.path("message").asText(), causes, warnings);
  }

  /** {@code 299 - "text"} (RFC 7234 warn-code, agent, quoted text) → {@code text}. */
  private static String warningText(String header) {
    int q = header.indexOf('"');
    int end = header.lastIndexOf('"');
    return q >= 0 && end > q ? header.substring(q + 1, end).replace("\\\"", "\"") : header;
  }

  /** The object's namespace, or {@code default} (what kubectl sends for an object without one). */
  @SuppressWarnings("unchecked")
  static String namespaceOf(Map<String, Object> object) {
    Object meta = object.get("metadata");
    Object ns = meta instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("namespace") : null;
    return ns == null || ns.toString().isEmpty() ? "default" : ns.toString();
  }
}
