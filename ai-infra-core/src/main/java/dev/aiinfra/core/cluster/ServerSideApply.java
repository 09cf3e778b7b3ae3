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
 * order. Each object is read once before it is first sent, so that the outcome can say {@code
 * unchanged} when the server (or, for a client dry run, the object already in the cluster) already
 * held the desired state, and {@code applied} when this apply changed it, even if the answer to a
 * request that changed it was lost and the request was sent again. Transient failures (429, 5xx,
 * timeouts, lost connections) are retried with backoff, honouring {@code Retry-After}; sending
 * the same apply patch again is safe because server-side apply is idempotent. The first permanent
 * failure stops the apply and every later object is reported {@code skipped}, so the report says
 * exactly what was done. An applied CustomResourceDefinition is waited for until Established
 * before the objects after it; in a server dry run, objects in a Namespace or of a kind that the
 * dry run only pretended to create are reported {@code skipped}, as the server cannot check them.
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
    PendingDefinitions pending = new PendingDefinitions();
    String stoppedBy = null;
    for (HasMetadata object : bundle.objects()) {
      if (stoppedBy != null) {
        outcomes.add(outcome(object, ApplyResult.SKIPPED, Optional.of("not attempted: " + stoppedBy + " failed"), 0));
        continue;
      }
      Optional<String> uncheckable = options.dryRun() == DryRun.SERVER ? pending.uncheckable(object) : Optional.empty();
      if (uncheckable.isPresent()) {
        outcomes.add(outcome(object, ApplyResult.SKIPPED, uncheckable, 0));
        continue;
      }
      Attempt a = applyOne(object, pending);
      outcomes.add(a.outcome);
      pending.record(object, a.outcome.result(), a.existed, options.dryRun());
      if (a.outcome.result() == ApplyResult.FAILED) {
        stoppedBy = ManifestBundle.keyOf(object).toString();
      }
    }
    return ApplyReport.builder().objects(outcomes).build();
  }

  /** One object's outcome and whether the server had the object before this apply. */
  private record Attempt(ApplyOutcome outcome, boolean existed) {}

  private Attempt applyOne(HasMetadata desired, PendingDefinitions pending) {
    Duration backoff = options.initialBackoff();
    KubernetesClientException last = null;
    // read once, before the object is first sent: the state this apply started from
    Optional<HasMetadata> before = Optional.empty();
    boolean haveRead = false;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      try {
        if (!haveRead) {
          before = read(desired, pending);
          haveRead = true;
        }
        ApplyResult result = send(desired, before);
        Optional<String> notEstablished = awaitEstablished(desired);
        if (notEstablished.isPresent()) {
          return new Attempt(outcome(desired, ApplyResult.FAILED, notEstablished, attempt), before.isPresent());
        }
        return new Attempt(outcome(desired, result, Optional.empty(), attempt), before.isPresent());
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return new Attempt(outcome(desired, ApplyResult.FAILED, Optional.of("interrupted"), attempt), before.isPresent());
      } catch (KubernetesClientException e) {
        last = e;
        boolean retry = FailureKind.isTransient(e) || (e instanceof NotServedException && pending.definesKindOf(desired));
        if (!retry) {
          return new Attempt(outcome(desired, ApplyResult.FAILED, Optional.of(FailureKind.describe(e)), attempt), before.isPresent());
        }
        LOG.debug("transient failure applying {} (attempt {}): {}", ManifestBundle.keyOf(desired), attempt, e.getMessage());
        if (attempt < options.maxAttempts()) {
          Duration floor = backoff;
          Duration wait = FailureKind.retryAfter(e).filter(r -> r.compareTo(floor) > 0).orElse(floor);
          try {
            options.sleeper().sleep(wait);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new Attempt(
                outcome(desired, ApplyResult.FAILED, Optional.of("interrupted while waiting to retry"), attempt),
                before.isPresent());
          }
          Duration doubled = backoff.multipliedBy(2);
          backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
        }
      }
    }
    return new Attempt(
        outcome(
            desired,
            ApplyResult.FAILED,
            Optional.of("gave up after " + options.maxAttempts() + " attempts: " + FailureKind.describe(last)),
            options.maxAttempts()),
        before.isPresent());
  }

  private Resource<HasMetadata> resource(HasMetadata desired) {
    try {
      return client.resource(desired);
    } catch (KubernetesClientException e) {
      if (NotServedException.isNotServed(e)) {
        throw new NotServedException(desired);
      }
      throw e;
    }
  }

  /** The object as the server holds it now; empty when absent (or its kind is not served yet in a dry run). */
  private Optional<HasMetadata> read(HasMetadata desired, PendingDefinitions pending) {
    try {
      return Optional.ofNullable(resource(desired).get());
    } catch (NotServedException e) {
      if (options.dryRun() != DryRun.NONE && pending.definesKindOf(desired)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private ApplyResult send(HasMetadata desired, Optional<HasMetadata> before) {
    if (options.dryRun() == DryRun.CLIENT) {
      return before.isPresent() && contains(tree(before.get()), tree(desired)) ? ApplyResult.UNCHANGED : ApplyResult.APPLIED;
    }
    Resource<HasMetadata> target = resource(desired);
    if (options.dryRun() == DryRun.SERVER) {
      target = (Resource<HasMetadata>) target.dryRun();
    }
    var applier = target.fieldManager(options.fieldManager());
    if (options.forceConflicts()) {
      applier = applier.forceConflicts();
    }
    HasMetadata result = applier.serverSideApply();
    if (before.isEmpty()) {
      return ApplyResult.APPLIED;
    }
    return normalized(before.get()).equals(normalized(result)) ? ApplyResult.UNCHANGED : ApplyResult.APPLIED;
  }

  /** After applying a CRD for real, waits until its custom resources are served. */
  private Optional<String> awaitEstablished(HasMetadata desired) throws InterruptedException {
    if (options.dryRun() != DryRun.NONE || !PendingDefinitions.isCrd(desired)) {
      return Optional.empty();
    }
    return CrdEstablishment.await(client, desired, options);
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
