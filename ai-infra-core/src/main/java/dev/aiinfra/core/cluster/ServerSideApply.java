package dev.aiinfra.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link ManifestBundle} with Kubernetes server-side apply, object by object in bundle
 * order. Each object is read first so that the outcome can say {@code unchanged} when the server
 * (or, for a client dry run, the object already in the cluster) already holds the desired state.
 * Transient failures are retried with backoff; the first permanent failure stops the apply and
 * every later object is reported {@code skipped}, so the report says exactly what was done.
 */
public final class ServerSideApply {
  private static final Logger LOG = LoggerFactory.getLogger(ServerSideApply.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final KubernetesClient client;
  private final ApplyOptions options;

  private ServerSideApply(KubernetesClient client, ApplyOptions options) {
    this.client = client;
    this.options = options;
  }

  public static ServerSideApply using(KubernetesClient client, ApplyOptions options) {
    return new ServerSideApply(client, options);
  }

  public ApplyReport apply(ManifestBundle bundle) {
    List<ApplyOutcome> outcomes = new ArrayList<>();
    String stoppedBy = null;
    for (HasMetadata object : bundle.objects()) {
      if (stoppedBy != null) {
        outcomes.add(outcome(object, ApplyResult.SKIPPED, Optional.of("not attempted: " + stoppedBy + " failed"), 0));
        continue;
      }
      ApplyOutcome o = applyOne(object);
      outcomes.add(o);
      if (o.result() == ApplyResult.FAILED) {
        stoppedBy = ManifestBundle.keyOf(object).toString();
      }
    }
    return ApplyReport.builder().objects(outcomes).build();
  }

  private ApplyOutcome applyOne(HasMetadata desired) {
    Duration backoff = options.initialBackoff();
    KubernetesClientException last = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      try {
        ApplyResult result = attemptOnce(desired);
        return outcome(desired, result, Optional.empty(), attempt);
      } catch (KubernetesClientException e) {
        last = e;
        if (!FailureKind.isTransient(e)) {
          return outcome(desired, ApplyResult.FAILED, Optional.of(FailureKind.describe(e)), attempt);
        }
        LOG.debug("transient failure applying {} (attempt {}): {}", ManifestBundle.keyOf(desired), attempt, e.getMessage());
        if (attempt < options.maxAttempts()) {
          try {
            options.sleeper().sleep(backoff);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return outcome(desired, ApplyResult.FAILED, Optional.of("interrupted while waiting to retry"), attempt);
          }
          Duration doubled = backoff.multipliedBy(2);
          backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
        }
      }
    }
    return outcome(
        desired,
        ApplyResult.FAILED,
        Optional.of("gave up after " + options.maxAttempts() + " attempts: " + FailureKind.describe(last)),
        options.maxAttempts());
  }

  private ApplyResult attemptOnce(HasMetadata desired) {
    Resource<HasMetadata> resource = client.resource(desired);
    HasMetadata existing = resource.get();
    if (options.dryRun() == DryRun.CLIENT) {
      return existing != null && contains(tree(existing), tree(desired)) ? ApplyResult.UNCHANGED : ApplyResult.APPLIED;
    }
    Resource<HasMetadata> target = client.resource(desired);
    if (options.dryRun() == DryRun.SERVER) {
      target = (Resource<HasMetadata>) target.dryRun();
    }
    var applier = target.fieldManager(options.fieldManager());
    if (options.forceConflicts()) {
      applier = applier.forceConflicts();
    }
    HasMetadata result = applier.serverSideApply();
    if (existing == null) {
      return ApplyResult.APPLIED;
    }
    return normalized(existing).equals(normalized(result)) ? ApplyResult.UNCHANGED : ApplyResult.APPLIED;
  }

  private static JsonNode tree(HasMetadata o) {
    return JSON.valueToTree(o);
  }

  /** The object without the fields the server manages, for before/after comparison. */
  private static JsonNode normalized(HasMetadata o) {
    ObjectNode t = JSON.valueToTree(o);
    t.remove("status");
    JsonNode meta = t.get("metadata");
    if (meta instanceof ObjectNode m) {
      m.remove(List.of("managedFields", "resourceVersion", "generation", "creationTimestamp", "uid", "selfLink"));
    }
    return t;
  }

  /** Whether every field set in {@code wanted} has the same value in {@code actual}. */
  private static boolean contains(JsonNode actual, JsonNode wanted) {
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode a = actual.get(e.getKey());
        if (a == null || !contains(a, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    return actual.equals(wanted);
  }

  private static ApplyOutcome outcome(HasMetadata o, ApplyResult result, Optional<String> reason, int attempts) {
    String ns = o.getMetadata().getNamespace();
    return ApplyOutcome.builder()
        .apiVersion(o.getApiVersion())
        .kind(o.getKind())
        .namespace(ns == null ? "" : ns)
        .name(o.getMetadata().getName())
        .result(result)
        .reason(reason)
        .attempts(attempts)
        .build();
  }
}
