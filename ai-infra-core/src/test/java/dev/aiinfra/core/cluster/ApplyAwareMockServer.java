package dev.aiinfra.core.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's CRUD mock server with the two server-side-apply behaviours it lacks: an apply patch of
 * a missing object creates it, and {@code dryRun=All} answers without persisting. Expectations set
 * with {@link #expect()} (for injected 409/429/5xx/timeouts) are served before the CRUD store.
 */
public final class ApplyAwareMockServer extends KubernetesMockServer {
  private ApplyAwareMockServer(Map<ServerRequest, Queue<ServerResponse>> responses, Dispatcher dispatcher) {
    super(new Context(), new MockWebServer(), responses, dispatcher, false);
  }

  public static ApplyAwareMockServer create() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    ApplyAwareMockServer server = new ApplyAwareMockServer(responses, new Routing(responses));
    server.init();
    return server;
  }

  /** A client that does not retry on its own, so that retries seen in tests are ai-infra's. */
  public NamespacedKubernetesClient client() {
    return createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).withRequestTimeout(2_000).endConfig());
  }

  private static final class Routing extends Dispatcher {
    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    private final ApplyAwareCrud crud = new ApplyAwareCrud();

    Routing(Map<ServerRequest, Queue<ServerResponse>> responses) {
      this.responses = responses;
      this.expectations = new MockDispatcher(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      HttpMethod method = HttpMethod.valueOf(request.getMethod());
      if (has(new SimpleRequest(method, request.getPath())) || has(new SimpleRequest(request.getPath()))) {
        return expectations.dispatch(request);
      }
      return crud.dispatch(request);
    }

    private boolean has(ServerRequest key) {
      Queue<ServerResponse> q = responses.get(key);
      return q != null && !q.isEmpty();
    }
  }

  private static final class ApplyAwareCrud extends KubernetesCrudDispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
      String type = String.valueOf(request.getHeader("Content-Type"));
      boolean apply = type.contains("apply-patch");
      String path = request.getPath();
      String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      boolean dryRun = path.contains("dryRun=All");
      boolean exists = handleGet(bare).code() == 200;
      if (apply && dryRun) {
        return new MockResponse().setResponseCode(200).setBody(exists ? handleGet(bare).getBody().readUtf8() : request.getUtf8Body());
      }
      if (apply && !exists) {
        String collection = bare.substring(0, bare.lastIndexOf('/'));
        RecordedRequest post =
            new RecordedRequest(
                "HTTP/1.1", HttpMethod.POST, collection, request.getHeaders(),
                new Buffer(request.getUtf8Body().getBytes(StandardCharsets.UTF_8)));
        return handleCreate(post);
      }
      if (apply) {
        // Apply as a JSON merge of the applied fields: enough for an applier that owns its fields.
        try {
          ObjectNode current = (ObjectNode) JSON.readTree(handleGet(bare).getBody().readUtf8());
          ObjectNode patch = (ObjectNode) JSON.readTree(request.getUtf8Body());
          ObjectNode merged = JSON.readerForUpdating(current.deepCopy()).readValue(patch);
          if (merged.equals(current)) {
            return new MockResponse().setResponseCode(200).setBody(current.toString());
          }
          merged.with("metadata").remove("resourceVersion");
          RecordedRequest put =
              new RecordedRequest("HTTP/1.1", HttpMethod.PUT, bare, request.getHeaders(),
                  new Buffer(merged.toString().getBytes(StandardCharsets.UTF_8)));
          return handleUpdate(put);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return super.handlePatch(request);
    }
  }
}
