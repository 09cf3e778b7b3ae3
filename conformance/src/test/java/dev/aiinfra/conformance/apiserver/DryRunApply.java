package dev.aiinfra.conformance.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Server-side apply of one object with {@code dryRun=All} and {@code fieldValidation=Strict}, as
 * {@code kubectl apply --server-side --dry-run=server --validate=strict} sends it, keeping what the
 * client libraries usually swallow: the {@code Warning} response headers (unknown or duplicate
 * fields, deprecated APIs, …). Nothing is stored. Discovery answers are cached per group/version.
 */
public final class DryRunApply {
  /** The server's verdict on one object. */
  public record Verdict(int status, String message, List<String> warnings) {
    public boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  private final KubernetesClient client;
  private final String fieldManager;
  private final Map<String, Optional<APIResourceList>> discovery = new HashMap<>();

  public DryRunApply(KubernetesClient client, String fieldManager) {
    this.client = client;
    this.fieldManager = fieldManager;
  }

  /** The resource the server serves for the object's apiVersion and kind; empty when it serves none. */
  public synchronized Optional<APIResource> resourceFor(HasMetadata o) {
    Optional<APIResourceList> list = discovery.computeIfAbsent(o.getApiVersion(), gv -> {
      try {
        return Optional.ofNullable(client.getApiResources(gv));
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return Optional.empty();
        }
        throw e;
      }
    });
    return list.flatMap(l -> l.getResources().stream()
        .filter(r -> r.getKind().equals(o.getKind()) && !r.getName().contains("/"))
        .findFirst());
  }

  /** Applies {@code o} (dry run); the resource must be one {@link #resourceFor} found. */
  public Verdict apply(HasMetadata o, APIResource resource) {
    String base = client.getMasterUrl().toString().replaceAll("/+$", "");
    String prefix = o.getApiVersion().contains("/") ? "/apis/" + o.getApiVersion() : "/api/" + o.getApiVersion();
    String ns = Boolean.TRUE.equals(resource.getNamespaced())
        ? "/namespaces/" + Optional.ofNullable(o.getMetadata().getNamespace()).orElse("default")
        : "";
    String url = base + prefix + ns + "/" + resource.getName() + "/" + enc(o.getMetadata().getName())
        + "?dryRun=All&fieldValidation=Strict&force=true&fieldManager=" + enc(fieldManager);
    String body;
    try {
      body = Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + o.getKind() + " " + o.getMetadata().getName() + " as JSON", e);
    }
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(url)
        .method("PATCH", "application/apply-patch+yaml", body)
        .build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the API server for " + url + ": " + e, e);
    }
    List<String> warnings = response.headers("Warning").stream().map(DryRunApply::warningText).toList();
    String message = response.code() < 300 ? "" : statusMessage(response.body());
    return new Verdict(response.code(), message, warnings);
  }

  /** {@code 299 - "text"} (RFC 7234 warn-code, agent, quoted text) → {@code text}. */
  static String warningText(String header) {
    int q = header.indexOf('"');
    int end = header.lastIndexOf('"');
    return q >= 0 && end > q ? header.substring(q + 1, end).replace("\\\"", "\"") : header;
  }

  private static String statusMessage(String body) {
    try {
      JsonNode status = Json.mapper().readTree(body);
      return status.path("message").asText(body);
    } catch (JsonProcessingException | RuntimeException e) {
      return body;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
