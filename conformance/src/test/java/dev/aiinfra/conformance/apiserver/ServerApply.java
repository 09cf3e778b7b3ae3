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
 * Server-side apply of one object with {@code fieldValidation=Strict}, as {@code kubectl apply
 * --server-side --validate=strict} sends it ({@link #dryRun}: also {@code dryRun=All}, nothing
 * stored), keeping what the client libraries usually swallow: the {@code Warning} response headers
 * (unknown or duplicate fields, deprecated APIs, …). Discovery answers are cached per group/version.
 */
public final class ServerApply {
  /** The server's verdict on one object. */
  public record Verdict(int status, String message, List<String> warnings) {
    public boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  private final KubernetesClient client;
  private final String fieldManager;
  private final Map<String, Optional<APIResourceList>> discovery = new HashMap<>();

  public ServerApply(KubernetesClient client, String fieldManager) {
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

  /** Applies {@code o} with {@code dryRun=All}; the resource must be one {@link #resourceFor} found. */
  public Verdict dryRun(HasMetadata o, APIResource resource) {
    return send(o, resource, "PATCH", "?dryRun=All&fieldValidation=Strict&force=true&fieldManager=" + enc(fieldManager));
  }

  /** Applies {@code o} for real (stored). */
  public Verdict apply(HasMetadata o, APIResource resource) {
    return send(o, resource, "PATCH", "?fieldValidation=Strict&force=true&fieldManager=" + enc(fieldManager));
  }

  /**
   * Deletes {@code o} at once: no kubelet runs here to finish a graceful Pod deletion, and no
   * controller to remove the finalizers a kind gets on creation (e.g. a PodGroup's protection), so
   * those are cleared too, as their controller would once nothing uses the object.
   */
  public Verdict delete(HasMetadata o, APIResource resource) {
    Verdict v = send(o, resource, "DELETE", "?gracePeriodSeconds=0");
    if (v.accepted()) {
      send(o, resource, "MERGE", "");
    }
    return v;
  }

  private Verdict send(HasMetadata o, APIResource resource, String method, String query) {
    String base = client.getMasterUrl().toString().replaceAll("/+$", "");
    String prefix = o.getApiVersion().contains("/") ? "/apis/" + o.getApiVersion() : "/api/" + o.getApiVersion();
    String ns = Boolean.TRUE.equals(resource.getNamespaced())
        ? "/namespaces/" + Optional.ofNullable(o.getMetadata().getNamespace()).orElse("default")
        : "";
    String url = base + prefix + ns + "/" + resource.getName() + "/" + enc(o.getMetadata().getName()) + query;
    HttpRequest.Builder builder = client.getHttpClient().newHttpRequestBuilder().uri(url);
    HttpRequest request;
    if (method.equals("DELETE")) {
      request = builder.delete("application/json", "{}").build();
    } else if (method.equals("MERGE")) {
      request = builder.method("PATCH", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}").build();
    } else {
      try {
        request = builder.method(method, "application/apply-patch+yaml", Json.mapper().writeValueAsString(o)).build();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write " + o.getKind() + " " + o.getMetadata().getName() + " as JSON", e);
      }
    }
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the API server for " + url + ": " + e, e);
    }
    List<String> warnings = response.headers("Warning").stream().map(ServerApply::warningText).toList();
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
